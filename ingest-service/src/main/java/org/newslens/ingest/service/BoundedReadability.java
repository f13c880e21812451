package org.newslens.ingest.service;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import net.dankito.readability4j.model.ReadabilityOptions;
import net.dankito.readability4j.processor.ArticleGrabber;
import net.dankito.readability4j.processor.MetadataParser;
import net.dankito.readability4j.processor.Postprocessor;
import net.dankito.readability4j.processor.Preprocessor;
import net.dankito.readability4j.util.RegExUtil;
import org.jsoup.nodes.Element;

/**
 * Readability4J with a deadline: its pattern tests and its walk over the page check the time on every
 * element they visit, so a page whose scoring would take seconds (deep nesting costs more than the
 * square of the depth) is stopped instead of holding the thread.
 */
final class BoundedReadability {

    private BoundedReadability() {
    }

    static Article parse(String url, org.jsoup.nodes.Document page, ExtractionDeadline deadline) {
        ReadabilityOptions options = new ReadabilityOptions();
        RegExUtil regEx = new CheckedRegEx(deadline);
        return new Readability4J(url, page, options, regEx, new Preprocessor(regEx), new MetadataParser(regEx),
                new CheckedArticleGrabber(options, regEx, deadline), new Postprocessor()).parse();
    }

    /** Readability's default patterns (the constructor takes them in this order), tested after a deadline check. */
    private static final class CheckedRegEx extends RegExUtil {

        private final ExtractionDeadline deadline;

        CheckedRegEx(ExtractionDeadline deadline) {
            super(UnlikelyCandidatesDefaultPattern, OkMaybeItsACandidateDefaultPattern, PositiveDefaultPattern,
                    NegativeDefaultPattern, ExtraneousDefaultPattern, BylineDefaultPattern, ReplaceFontsDefaultPattern,
                    NormalizeDefaultPattern, VideosDefaultPattern, NextLinkDefaultPattern, PrevLinkDefaultPattern,
                    WhitespaceDefaultPattern, HasContentDefaultPattern);
            this.deadline = deadline;
        }

        @Override
        public boolean isPositive(String matchString) {
            deadline.check();
            return super.isPositive(matchString);
        }

        @Override
        public boolean isNegative(String matchString) {
            deadline.check();
            return super.isNegative(matchString);
        }

        @Override
        public boolean isUnlikelyCandidate(String matchString) {
            deadline.check();
            return super.isUnlikelyCandidate(matchString);
        }

        @Override
        public boolean hasContent(String text) {
            deadline.check();
            return super.hasContent(text);
        }

        @Override
        public boolean isWhitespace(String text) {
            deadline.check();
            return super.isWhitespace(text);
        }

        @Override
        public String normalize(String text) {
            deadline.check();
            return super.normalize(text);
        }
    }

    /** The article grabber, checking the deadline at each step of its walk and before each text it gathers. */
    private static final class CheckedArticleGrabber extends ArticleGrabber {

        private final ExtractionDeadline deadline;

        CheckedArticleGrabber(ReadabilityOptions options, RegExUtil regEx, ExtractionDeadline deadline) {
            super(options, regEx);
            this.deadline = deadline;
        }

        @Override
        protected Element getNextNode(Element node, boolean ignoreSelfAndKids) {
            deadline.check();
            return super.getNextNode(node, ignoreSelfAndKids);
        }

        @Override
        protected String getInnerText(Element element, RegExUtil regEx, boolean normalizeSpaces) {
            deadline.check();
            return super.getInnerText(element, regEx, normalizeSpaces);
        }

        @Override
        protected double getLinkDensity(Element element) {
            deadline.check();
            return super.getLinkDensity(element);
        }
    }
}
