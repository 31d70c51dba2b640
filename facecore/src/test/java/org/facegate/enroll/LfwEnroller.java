package org.facegate.enroll;

import org.facegate.match.Matcher;
import org.facegate.match.SecurityLevel;
import org.facegate.testing.Pipelines;
import org.facegate.testing.TestData;
import org.junit.rules.ExternalResource;

/**
 * The default pipeline's enroller (standard security level) for a test class on LFW photos: a class rule, opened
 * before the class's tests (which are skipped, with a message, without LFW) and closed after them.
 */
final class LfwEnroller extends ExternalResource {
    Pipelines pipelines;
    Enroller enroller;

    @Override
    protected void before() throws Exception {
        TestData.lfw();
        pipelines = new Pipelines();
        enroller = new Enroller(pipelines.detector, pipelines.embedder, QualityGate.DEFAULT, new Matcher(SecurityLevel.standard()));
    }

    @Override
    protected void after() {
        if (pipelines != null) pipelines.close();
    }
}
