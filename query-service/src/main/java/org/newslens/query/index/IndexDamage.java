package org.newslens.query.index;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.AlreadyClosedException;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;

/**
 * Tells an index that lost its files or cannot be read (only opening it again, rebuilding what it lost,
 * helps) from a failure that may pass, such as a full disk.
 */
final class IndexDamage {

    private IndexDamage() {
    }

    /**
     * Whether {@code failure} or a cause says the index is gone or damaged: a file or the directory was
     * deleted (NoSuchFileException, FileNotFoundException, IndexNotFoundException, or the writer closed
     * itself when its lock file changed: AlreadyClosedException), or a file does not read back
     * (CorruptIndexException, IndexFormatTooOld/NewException).
     */
    static boolean isDamage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AlreadyClosedException || cause instanceof NoSuchFileException
                    || cause instanceof FileNotFoundException || cause instanceof CorruptIndexException
                    || cause instanceof IndexFormatTooOldException || cause instanceof IndexFormatTooNewException
                    || cause instanceof IndexNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** The failure in one line, for a log message: its kind and first line, without a stack. */
    static String describe(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        return failure.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
