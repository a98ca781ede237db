// Login, and the new-password form the first login with the generated initial password must pass.
import { api, explain, setCsrfToken } from './api.js';
import { el, replace } from './dom.js';

export function showLogin(view, onSession) {
  const error = el('p', { class: 'error', id: 'login-error', role: 'alert' });
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const form = el('form', { class: 'card narrow', id: 'login-form', onsubmit: async (event) => {
    event.preventDefault();
    replace(error);
    try {
      const session = await api('POST', '/api/login', { username: username.value, password: password.value });
      setCsrfToken(session.csrfToken);
      if (session.mustChangePassword) showPasswordChange(view, password.value, onSession);
      else onSession(session);
    } catch (e) {
      replace(error, explain(e));
    }
  } },
  el('h1', {}, 'Roost'),
  el('label', { for: 'username' }, 'User name'), username,
  el('label', { for: 'password' }, 'Password'), password,
  el('button', { type: 'submit', id: 'login-submit' }, 'Log in'), error);
  replace(view, form);
  username.focus();
}

export function showPasswordChange(view, current, onSession) {
  const error = el('p', { class: 'error', id: 'password-error', role: 'alert' });
  const chosen = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password',
    minlength: '8', required: true });
  const again = el('input', { id: 'new-password-again', type: 'password', autocomplete: 'new-password',
    required: true });
  const currentInput = el('input', { id: 'current-password', type: 'password',
    autocomplete: 'current-password', required: true });
  currentInput.value = current || '';
  const form = el('form', { class: 'card narrow', id: 'password-form', onsubmit: async (event) => {
    event.preventDefault();
    replace(error);
    if (chosen.value !== again.value) {
      replace(error, 'newPassword: the two entries differ');
      return;
    }
    try {
      await api('POST', '/api/password', { currentPassword: currentInput.value, newPassword: chosen.value });
      onSession(await api('GET', '/api/session'));
    } catch (e) {
      replace(error, explain(e));
    }
  } },
  el('h1', {}, 'Choose a new password'),
  el('p', { class: 'muted' }, 'This is the first login with the initial password: replace it to go on.'),
  el('label', { for: 'current-password' }, 'Current password'), currentInput,
  el('label', { for: 'new-password' }, 'New password (8 characters or more)'), chosen,
  el('label', { for: 'new-password-again' }, 'New password again'), again,
  el('button', { type: 'submit', id: 'password-submit' }, 'Save password'), error);
  replace(view, form);
  chosen.focus();
}
