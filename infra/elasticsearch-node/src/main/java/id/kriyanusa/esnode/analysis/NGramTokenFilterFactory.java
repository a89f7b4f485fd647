package id.kriyanusa.esnode.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code edge_ngram} and {@code ngram} token filters: {@code min_gram}, {@code max_gram},
 * {@code preserve_original}.
 */
final class NGramTokenFilterFactory extends AbstractTokenFilterFactory {

    private final boolean edge;

    private final int minGram;

    private final int maxGram;

    private final boolean preserveOriginal;

    private NGramTokenFilterFactory(boolean edge, IndexSettings indexSettings, String name, Settings settings) {
        super(name);
        this.edge = edge;
        this.minGram = settings.getAsInt("min_gram", 1);
        this.maxGram = settings.getAsInt("max_gram", 2);
        this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
        if (minGram < 1 || maxGram < minGram) {
            throw new IllegalArgumentException(
                    "[" + name + "] needs 1 <= min_gram <= max_gram, got min_gram=" + minGram + " max_gram=" + maxGram);
        }
        if (!edge) {
            checkNgramDiff(indexSettings, minGram, maxGram, "NGram Token Filter");
        }
    }

    static NGramTokenFilterFactory edge(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new NGramTokenFilterFactory(true, indexSettings, name, settings);
    }

    static NGramTokenFilterFactory inner(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new NGramTokenFilterFactory(false, indexSettings, name, settings);
    }

    static void checkNgramDiff(IndexSettings indexSettings, int minGram, int maxGram, String what) {
        int allowed = indexSettings.getMaxNgramDiff();
        if (maxGram - minGram > allowed) {
            throw new IllegalArgumentException("The difference between max_gram and min_gram in " + what
                    + " must be less than or equal to: [" + allowed + "] but was [" + (maxGram - minGram)
                    + "]. This limit can be set by changing the [" + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey()
                    + "] index level setting.");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return edge ? new EdgeNGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal)
                : new NGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
    }

    @Override
    public boolean breaksFastVectorHighlighter() {
        return true;
    }

    /**
     * Like Elasticsearch: n-grams must not be applied to synonym rules (put the synonym
     * filter before).
     */
    @Override
    public TokenFilterFactory getSynonymFilter() {
        throw new IllegalArgumentException("Token filter [" + name()
                + "] cannot be used to parse synonyms except as part of an explicit synonym filter parameter");
    }

}
