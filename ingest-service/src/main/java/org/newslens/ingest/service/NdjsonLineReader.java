package org.newslens.ingest.service;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private int number;

    NdjsonLineReader(InputStream in, int maxLineBytes) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.maxLineBytes = maxLineBytes;
    }

    /** @return the next line, or null at the end of the stream */
    Line next() throws IOException {
        buffer.reset();
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (buffer.size() < maxLineBytes) {
                buffer.write(b);
            } else {
                tooLong = true;
            }
        }
        if (b == -1 && buffer.size() == 0 && !tooLong) {
            return null;
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "The line is longer than " + maxLineBytes + " bytes. Send one article per line, "
                    + "within the text and html limits.");
        }
        try {
            return new Line(number, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer.toByteArray())).toString().strip(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "The line is not valid UTF-8. Send NDJSON encoded as UTF-8.");
        }
    }
}
