package dev.roost.hub.broker.persistence;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ByteArrayDataType;

import java.nio.ByteBuffer;

/**
 * A journal row as H2 stores it: written and read by H2's own byte-array type (which is final), so files written
 * with either read the same. It differs in the size it reports: more than a page, so that H2 gives every row a
 * leaf of its own. H2 writes a leaf again, whole, when a row is appended to it, and rows sharing leaves made each
 * group commit write rows of the commit before again: 2.4 times the journal's bytes in all, now 1.4 (the rest is
 * H2's bookkeeping per commit). That is time every acknowledgement waits, and wear on an SD card.
 */
final class JournalRowType extends BasicDataType<byte[]> {

    static final JournalRowType INSTANCE = new JournalRowType();

    /** More than H2's page split size (16 KiB), so a leaf with two rows is always split. */
    private static final int REPORTED_AT_LEAST = 64 * 1024;

    private JournalRowType() {
    }

    @Override
    public int getMemory(byte[] row) {
        return Math.max(row.length, REPORTED_AT_LEAST);
    }

    /** Otherwise H2 estimates sizes from a sample, and small rows would make it put two large ones in a leaf. */
    @Override
    public boolean isMemoryEstimationAllowed() {
        return false;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] row) {
        ByteArrayDataType.INSTANCE.write(buffer, row);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        return ByteArrayDataType.INSTANCE.read(buffer);
    }

    @Override
    public byte[][] createStorage(int size) {
        return ByteArrayDataType.INSTANCE.createStorage(size);
    }

    @Override
    public int compare(byte[] a, byte[] b) {
        return ByteArrayDataType.INSTANCE.compare(a, b);
    }
}
