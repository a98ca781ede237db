package dev.roost.hub.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The start of a payload as a person can read it: UTF-8 text cut at a character limit, or hexadecimal for anything
 * that is not text. Only the first bytes are decoded, so a large payload costs no more than a small one.
 *
 * <p>Stateless.
 */
final class PayloadPreview {

    /** What a preview says: the text and whether it is hexadecimal because the payload is not text. */
    record Preview(String text, boolean binary) {
    }

    private PayloadPreview() {
    }

    static Preview of(byte[] payload, int maxChars) {
        int bytes = Math.min(payload.length, maxChars * 4); // a character is at most four bytes in UTF-8
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text = CharBuffer.allocate(bytes);
        // Not the end of input when cut short: a character split at the cut is left out, not taken for an error.
        CoderResult result = decoder.decode(ByteBuffer.wrap(payload, 0, bytes), text, bytes == payload.length);
        text.flip();
        if (result.isError() || !printable(text)) {
            int shown = Math.min(payload.length, maxChars / 2);
            return new Preview(HexFormat.of().formatHex(payload, 0, shown), true);
        }
        int end = Math.min(text.length(), maxChars);
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return new Preview(text.subSequence(0, end).toString(), false);
    }

    private static boolean printable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
