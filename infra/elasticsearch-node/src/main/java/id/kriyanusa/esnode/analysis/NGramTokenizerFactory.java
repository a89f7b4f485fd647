package id.kriyanusa.esnode.analysis;

import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

/**
 * {@code edge_ngram} and {@code ngram} tokenizers: {@code min_gram}, {@code max_gram},
 * {@code token_chars}.
 */
final class NGramTokenizerFactory extends AbstractTokenizerFactory {

    private final boolean edge;

    private final int minGram;

    private final int maxGram;

    private final IntPredicate tokenChars;

    private NGramTokenizerFactory(boolean edge, IndexSettings indexSettings, String name, Settings settings) {
        super(name);
        this.edge = edge;
        this.minGram = settings.getAsInt("min_gram", NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE);
        this.maxGram = settings.getAsInt("max_gram", NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE);
        if (!edge) {
            NGramTokenFilterFactory.checkNgramDiff(indexSettings, minGram, maxGram, "NGram Tokenizer");
        }
        this.tokenChars = TokenChars.parse(settings);
    }

    static NGramTokenizerFactory edge(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new NGramTokenizerFactory(true, indexSettings, name, settings);
    }

    static NGramTokenizerFactory inner(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        return new NGramTokenizerFactory(false, indexSettings, name, settings);
    }

    @Override
    public Tokenizer create() {
        IntPredicate chars = tokenChars;
        if (edge) {
            return chars == null ? new EdgeNGramTokenizer(minGram, maxGram) : new EdgeNGramTokenizer(minGram, maxGram) {
                @Override
                protected boolean isTokenChar(int chr) {
                    return chars.test(chr);
                }
            };
        }
        return chars == null ? new NGramTokenizer(minGram, maxGram) : new NGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return chars.test(chr);
            }
        };
    }

}
