package org.mailroot.auth.store;

/**
 * The MD5 compression function (RFC 1321 §3.4) with its chaining state exposed. The JDK's
 * MessageDigest cannot resume from a saved state, and the CRAM-MD5 secret is exactly that: the
 * state after the HMAC key block (RFC 2104), so that the password itself need not be kept.
 */
final class Md5Block {
    static final int[] INITIAL = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    private static final int[] SHIFT = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};
    private static final int[] T = new int[64];

    static {
        for (int i = 0; i < 64; i++) { // RFC 1321 §3.4: T[i] = floor(2^32 * abs(sin(i + 1)))
            T[i] = (int) (long) (4294967296.0 * Math.abs(StrictMath.sin(i + 1)));
        }
    }

    private Md5Block() {
    }

    /** Runs one 64-byte block from {@code off} into {@code state} (4 words, updated in place). */
    static void compress(int[] state, byte[] block, int off) {
        int[] x = new int[16];
        for (int j = 0; j < 16; j++) {
            x[j] = le(block, off + 4 * j);
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        for (int i = 0; i < 64; i++) {
            int f;
            int g;
            if (i < 16) {
                f = (b & c) | (~b & d);
                g = i;
            } else if (i < 32) {
                f = (d & b) | (~d & c);
                g = (5 * i + 1) & 15;
            } else if (i < 48) {
                f = b ^ c ^ d;
                g = (3 * i + 5) & 15;
            } else {
                f = c ^ (b | ~d);
                g = (7 * i) & 15;
            }
            int next = d;
            d = c;
            c = b;
            b = b + Integer.rotateLeft(a + f + T[i] + x[g], SHIFT[(i >> 4) * 4 + (i & 3)]);
            a = next;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }

    /** Finishes an MD5 whose first {@code done} bytes (a multiple of 64) are already in {@code state}. */
    static byte[] finish(int[] saved, long done, byte[] rest) {
        int[] state = saved.clone();
        int padded = ((rest.length + 8) / 64 + 1) * 64;
        byte[] buf = new byte[padded];
        System.arraycopy(rest, 0, buf, 0, rest.length);
        buf[rest.length] = (byte) 0x80;
        long bits = (done + rest.length) * 8;
        for (int i = 0; i < 8; i++) {
            buf[padded - 8 + i] = (byte) (bits >>> (8 * i));
        }
        for (int off = 0; off < padded; off += 64) {
            compress(state, buf, off);
        }
        return words(state);
    }

    /** The state as 16 bytes, little-endian words (the digest layout). */
    static byte[] words(int[] state) {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            out[i] = (byte) (state[i >> 2] >>> (8 * (i & 3)));
        }
        return out;
    }

    static int le(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
