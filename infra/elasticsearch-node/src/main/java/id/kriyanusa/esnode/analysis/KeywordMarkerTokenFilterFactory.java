package id.kriyanusa.esnode.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;

/**
 * {@code keyword_marker} with {@code keywords} (or {@code keywords_path}) and
 * {@code ignore_case}: the words listed are marked as keywords, which the stemmers after
 * it leave as they are. ({@code keywords_pattern} is not supported.)
 */
final class KeywordMarkerTokenFilterFactory extends AbstractTokenFilterFactory {

    private final CharArraySet keywords;

    KeywordMarkerTokenFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name);
        if (settings.get("keywords_pattern") != null) {
            throw new IllegalArgumentException("[keywords_pattern] is not supported by [" + name + "]");
        }
        var words = Analysis.getWordSet(env, settings, "keywords");
        if (words == null) {
            throw new IllegalArgumentException("[" + name + "] requires [keywords] or [keywords_path]");
        }
        this.keywords = new CharArraySet(words, settings.getAsBoolean("ignore_case", false));
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new SetKeywordMarkerFilter(tokenStream, keywords);
    }

}
