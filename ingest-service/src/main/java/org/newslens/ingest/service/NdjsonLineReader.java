package org.newslens.ingest.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an NDJSON stream one line at a time with bounded memory: a line longer than the limit is
 * skipped to its end and reported, never buffered whole.
 */
final class NdjsonLineReader {

    /** One line: its text, or why it could not be read. */
    record Line(int number, String text, String problem) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[8 * 1024];
    private int lineLength;
    private int number;

    NdjsonLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** @return the next line, or null at the end of the stream */
    Line next() throws IOException {
        lineLength = 0;
        boolean tooLong = false;
        boolean ended = false;
        while (!ended) {
            if (position == limit && !fill()) {
                if (lineLength == 0 && !tooLong) {
                    return null;
                }
                break;
            }
            int end = position;
            while (end < limit && chunk[end] != '\n') {
                end++;
            }
            ended = end < limit;
            // once too long, the rest of the line is skipped, not copied
            tooLong = tooLong || !append(position, end);
            position = ended ? end + 1 : end;
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "The line is longer than " + maxLineBytes + " bytes. Send one article per line, "
                    + "within the text and html limits.");
        }
        try {
            return new Line(number, utf8.decode(ByteBuffer.wrap(line, 0, lineLength)).toString().strip(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "The line is not valid UTF-8. Send NDJSON encoded as UTF-8.");
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(chunk);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    /** Adds chunk[from, to) to the line; false once the line has outgrown the limit (the rest is dropped). */
    private boolean append(int from, int to) {
        int length = to - from;
        if (lineLength + length > maxLineBytes) {
            return false;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, lineLength + length)));
        }
        System.arraycopy(chunk, from, line, lineLength, length);
        lineLength += length;
        return true;
    }
}
