package org.newslens.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newslens.ingest.service.ContentFingerprint;
import org.newslens.ingest.service.MinHasher;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Content hashes and MinHash signatures are stored with every article and compared with those of
 * later posts, so a faster implementation must compute exactly the same values. The digests below
 * were computed by the first implementation (regular expressions, a boxed set of shingles).
 */
class StoredHashesCompatibilityTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latin | bb033a721af72febc7750f4ee3d6b2d52b112afe9868c2f6876c4db12280b9c0 | 727a5a305bbb36b8c4db718c75b828c82f21fae93a432b2c5121831890fa4756",
            "mixed | 96e7a2372e41d604607c197261bbe5f3ce5146f7a1e12318c45a9a12ff9be7cd | 7c40c851115113ce74c5a47399670ac1d07ebfd397f4a43c5facc94079f43263",
            "short | b038b537ea57edfc9f7a1067d4be576b7caae9ef36b11eb41989c1dda76a61be | 8ab63e29a4ba14e4e1688f9c15e5af90895421358c945b0431f85d66977bd3d2",
            "lines | ae31ccf362988a8372cc57cf51eac082f10cbda69708cc148122c41649326a82 | 4618b036979ce89d2800ff11ec00a90fddf437eeffe420a64c76ac34fa305fe6"})
    void hashesMatchThoseOfTheFirstImplementation(String name, String signatureDigest, String contentHash) {
        String text = text(name);
        assertEquals(signatureDigest, digest(MinHasher.of(text)), "MinHash signature of " + name);
        assertEquals(contentHash, HexFormat.of().formatHex(ContentFingerprint.of(text)), "content hash of " + name);
    }

    private static String text(String name) {
        return switch (name) {
            case "latin" -> "The city council voted on Tuesday to expand the tram network, a project expected to cost 240 million euros.";
            case "mixed" -> "  Ünïcode STRASSE Straße ²³ Ⅻ ﬁnance naïve café 東京 タワー مرحبا بالعالم x\u0301y \t\n  tab\u00a0nbsp\u2003em  end. ";
            case "short" -> "one two";
            default -> "Reuters — 12 March\n\nLine one.\r\n\r\nLine   two\u000b\u000cthree";
        };
    }

    private static String digest(MinHasher.Signature signature) {
        ByteBuffer bytes = ByteBuffer.allocate(signature.values().length * 4 + signature.bandKeys().length * 8);
        for (int value : signature.values()) {
            bytes.putInt(value);
        }
        for (long key : signature.bandKeys()) {
            bytes.putLong(key);
        }
        return HexFormat.of().formatHex(ContentFingerprint.sha256(HexFormat.of().formatHex(bytes.array())));
    }
}
