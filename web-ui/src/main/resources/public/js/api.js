// The JSON API with the session cookie and the CSRF token every state-changing request needs.
let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.detail ? body.detail : 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
  }
}

export async function api(method, path, body, contentType = 'application/json') {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = contentType;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  const text = await response.text();
  const isJson = (response.headers.get('Content-Type') || '').includes('json');
  const data = text && isJson ? JSON.parse(text) : text;
  if (!response.ok) throw new ApiError(response.status, isJson ? data : { detail: text });
  return data;
}

// "field: detail" of a refused request, for the line under a form.
export function explain(error) {
  if (!(error instanceof ApiError)) return String(error.message || error);
  const { field, detail, error: kind } = error.body;
  return [field, detail || kind].filter(Boolean).join(': ');
}
