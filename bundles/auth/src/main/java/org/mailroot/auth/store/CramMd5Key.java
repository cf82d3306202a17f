package org.mailroot.auth.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The CRAM-MD5 secret of one account (RFC 2195): the HMAC-MD5 (RFC 2104) key schedule stopped
 * after its first block, i.e. the MD5 state after {@code K xor opad} and after {@code K xor ipad}.
 * Stored as Dovecot's {@code CRAM-MD5} scheme stores it (outer state, then inner state, 4
 * little-endian words each, 64 hex digits). It is not the password, but it is
 * <b>password-equivalent for CRAM-MD5</b>: whoever reads it can log in with CRAM-MD5 as the user
 * (not with PLAIN, LOGIN or SCRAM). That is why it is only stored when asked for.
 */
public final class CramMd5Key {
    public static final String MECHANISM = "CRAM-MD5";
    /** The field prefix in the user file. */
    public static final String PREFIX = "{CRAM-MD5}";

    private final int[] outer;
    private final int[] inner;

    private CramMd5Key(int[] outer, int[] inner) {
        this.outer = outer;
        this.inner = inner;
    }

    /** RFC 2104 §2: a key longer than the block is hashed first, then padded with zeros. */
    public static CramMd5Key of(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] key = encoded.array();
        int length = encoded.limit();
        byte[] k = new byte[64];
        if (length > 64) {
            byte[] h = Md5Block.finish(Md5Block.INITIAL, 0, Arrays.copyOf(key, length));
            System.arraycopy(h, 0, k, 0, h.length);
        } else {
            System.arraycopy(key, 0, k, 0, length);
        }
        Arrays.fill(key, (byte) 0);
        byte[] opad = new byte[64];
        byte[] ipad = new byte[64];
        for (int i = 0; i < 64; i++) {
            opad[i] = (byte) (k[i] ^ 0x5c);
            ipad[i] = (byte) (k[i] ^ 0x36);
        }
        Arrays.fill(k, (byte) 0);
        int[] o = Md5Block.INITIAL.clone();
        int[] in = Md5Block.INITIAL.clone();
        Md5Block.compress(o, opad, 0);
        Md5Block.compress(in, ipad, 0);
        return new CramMd5Key(o, in);
    }

    /** HMAC-MD5(password, challenge): MD5(opad-state, MD5(ipad-state, challenge)). */
    public byte[] digest(byte[] challenge) {
        byte[] innerHash = Md5Block.finish(inner, 64, challenge);
        return Md5Block.finish(outer, 64, innerHash);
    }

    /** Whether the client's lower-case hex digest is the right one for this challenge (constant time). */
    public boolean verifies(byte[] challenge, String hexDigest) {
        byte[] expected = HexFormat.of().formatHex(digest(challenge)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, hexDigest.getBytes(StandardCharsets.US_ASCII));
    }

    /** The file form, {@code {CRAM-MD5}} and 64 hex digits. */
    public String encode() {
        byte[] both = new byte[32];
        System.arraycopy(Md5Block.words(outer), 0, both, 0, 16);
        System.arraycopy(Md5Block.words(inner), 0, both, 16, 16);
        return PREFIX + HexFormat.of().formatHex(both);
    }

    public static CramMd5Key decode(String field) {
        if (!field.startsWith(PREFIX) || field.length() != PREFIX.length() + 64) {
            throw new IllegalArgumentException("expected " + PREFIX + " and 64 hex digits");
        }
        byte[] both = HexFormat.of().parseHex(field.substring(PREFIX.length()));
        int[] o = new int[4];
        int[] in = new int[4];
        for (int i = 0; i < 4; i++) {
            o[i] = Md5Block.le(both, 4 * i);
            in[i] = Md5Block.le(both, 16 + 4 * i);
        }
        return new CramMd5Key(o, in);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CramMd5Key k && Arrays.equals(outer, k.outer) && Arrays.equals(inner, k.inner);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(inner);
    }

    @Override
    public String toString() {
        return "CramMd5Key[...]";
    }
}
