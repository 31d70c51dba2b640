package org.facegate.enroll;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.facegate.image.RgbImage;
import org.facegate.testing.TestData;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The enrollment rules on real LFW photos: the samples of one enrollment show one person, the person they are added
 * to, and nobody else enrolled. The cases of issue 16: Wen Jiabao's photo added to Tony Blair (then "Tony" matched
 * Wen's other photos), and one enrollment of two different people.
 */
public class EnrollerTest {
    @ClassRule public static final LfwEnroller LFW = new LfwEnroller();

    private static Sample sample(String name, int n) {
        RgbImage img = TestData.lfwImage(name, n);
        QualityReport q = LFW.enroller.check(img);
        assertTrue(name + " " + n + ": " + q.issues(), q.ok());
        return LFW.enroller.sample(img, q);
    }

    private static List<org.facegate.embed.Embedding> embeddings(Sample... samples) {
        List<org.facegate.embed.Embedding> out = new ArrayList<>();
        for (Sample s : samples) out.add(s.embedding());
        return out;
    }

    private static EnrollmentException refused(String name, List<Sample> samples, List<String> labels, List<org.facegate.embed.Embedding> existing) {
        try {
            LFW.enroller.check(name, samples, labels, existing, Collections.emptyList());
        } catch (EnrollmentException e) {
            return e;
        }
        throw new AssertionError(labels + " accepted as " + name);
    }

    @Test
    public void aStrangersPhotoIsNotAddedToAPerson() {
        EnrollmentException e = refused("Tony", List.of(sample("Wen_Jiabao", 1)), List.of("Wen_Jiabao_0001.jpg"),
                embeddings(sample("Tony_Blair", 18)));
        assertEquals(EnrollmentException.Reason.NOT_THE_PERSON, e.reason());
        assertTrue(e.getMessage(), e.getMessage().startsWith("Wen_Jiabao_0001.jpg does not show Tony (similarity "));
    }

    @Test
    public void twoPeopleInOneEnrollmentAreRefusedNamingTheTwoPhotos() {
        EnrollmentException e = refused("Mix", List.of(sample("Colin_Powell", 40), sample("Colin_Powell", 133), sample("Wen_Jiabao", 1)),
                List.of("a.jpg", "b.jpg", "wen.jpg"), List.of());
        assertEquals(EnrollmentException.Reason.DIFFERENT_PEOPLE, e.reason());
        assertTrue(e.getMessage(), e.getMessage().matches("(a|b)\\.jpg and wen\\.jpg show different people \\(similarity -?0\\.\\d\\d, .*"));
    }

    @Test
    public void differentPhotosOfOnePersonEnrollAndJoinThem() throws Exception {
        Sample a = sample("Colin_Powell", 40), b = sample("Colin_Powell", 133), c = sample("Colin_Powell", 170);
        LFW.enroller.check("Colin", List.of(a, b), List.of("a", "b"), List.of(), Collections.emptyList());
        LFW.enroller.check("Colin", List.of(c), List.of("c"), embeddings(a, b), Collections.emptyList());
    }

    @Test
    public void withoutSamplesNothingIsEnrolled() {
        EnrollmentException e = refused("Ada", List.of(), List.of(), List.of());
        assertEquals(EnrollmentException.Reason.NO_SAMPLE, e.reason());
        assertEquals("no usable face image for Ada", e.getMessage());
    }

    @Test
    public void labelsMustNameEverySample() throws Exception {
        try {
            LFW.enroller.check("Ada", List.of(sample("Colin_Powell", 40)), List.of(), List.of(), Collections.emptyList());
            fail("a sample without a label");
        } catch (IllegalArgumentException e) {
            assertEquals("0 labels for 1 samples", e.getMessage());
        }
    }
}
