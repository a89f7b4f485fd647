package id.kriyanusa.esnode.analysis;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The part of Elasticsearch's analysis-common module (not published on Maven Central)
 * that Kriyanusa needs, built directly on Lucene's lucene-analysis-common, which the
 * server already ships.
 *
 * <p>
 * The server itself only provides: analyzers
 * {@code standard, default, keyword, stop, whitespace, simple,
 * classic}; tokenizer {@code standard}; filters {@code stop} (with {@code _english_},
 * {@code _indonesian_}, ... stop-word sets), {@code shingle}, {@code hunspell},
 * {@code lowercase} (no options). Names registered twice make the node fail, so none of
 * those is registered here.
 */
public class KriyanusaAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzers = new TreeMap<>();
        analyzers.put("indonesian",
                (indexSettings, env, name, settings) -> new LanguageAnalyzerProvider(name,
                        (stopWords, stemExclusion) -> new IndonesianAnalyzer(stopWords, stemExclusion),
                        IndonesianAnalyzer.getDefaultStopSet(), env, settings));
        analyzers.put("english",
                (indexSettings, env, name, settings) -> new LanguageAnalyzerProvider(name,
                        (stopWords, stemExclusion) -> new EnglishAnalyzer(stopWords, stemExclusion),
                        EnglishAnalyzer.getDefaultStopSet(), env, settings));
        return analyzers;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> tokenizers = new TreeMap<>();
        tokenizers.put("edge_ngram", NGramTokenizerFactory::edge);
        tokenizers.put("ngram", NGramTokenizerFactory::inner);
        tokenizers.put("whitespace", SimpleTokenizerFactories::whitespace);
        tokenizers.put("keyword", SimpleTokenizerFactories::keyword);
        tokenizers.put("letter", SimpleTokenizerFactories::letter);
        return tokenizers;
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("asciifolding", AsciiFoldingTokenFilterFactory::new);
        filters.put("edge_ngram", NGramTokenFilterFactory::edge);
        filters.put("ngram", NGramTokenFilterFactory::inner);
        filters.put("synonym", requiresAnalysisSettings(SynonymTokenFilterFactory::flat));
        filters.put("synonym_graph", requiresAnalysisSettings(SynonymTokenFilterFactory::graph));
        filters.put("keyword_marker", requiresAnalysisSettings(KeywordMarkerTokenFilterFactory::new));
        filters.put("stemmer", StemmerTokenFilterFactory::new);
        filters.put("porter_stem", StemmerTokenFilterFactory::porter);
        filters.put("kstem", StemmerTokenFilterFactory::kstem);
        filters.put("indonesian_stem", StemmerTokenFilterFactory::indonesian);
        filters.put("word_delimiter_graph", WordDelimiterGraphTokenFilterFactory::new);
        filters.put("flatten_graph", FlattenGraphTokenFilterFactory::new);
        return filters;
    }

    /** Builds a Lucene language analyzer from its stop words and stem exclusion set. */
    @FunctionalInterface
    interface LanguageAnalyzerFactory {

        Analyzer create(CharArraySet stopWords, CharArraySet stemExclusion);

    }

}
