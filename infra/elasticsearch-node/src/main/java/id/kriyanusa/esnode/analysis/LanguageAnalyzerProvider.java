package id.kriyanusa.esnode.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;

/**
 * A Lucene language analyzer with Elasticsearch's
 * {@code stopwords}/{@code stopwords_path}/{@code stem_exclusion}.
 */
final class LanguageAnalyzerProvider extends AbstractIndexAnalyzerProvider<Analyzer> {

    private final Analyzer analyzer;

    LanguageAnalyzerProvider(String name, KriyanusaAnalysisPlugin.LanguageAnalyzerFactory factory,
            CharArraySet defaultStopWords, Environment env, Settings settings) {
        super(name);
        this.analyzer = factory.create(Analysis.parseStopWords(env, settings, defaultStopWords),
                Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET));
    }

    @Override
    public Analyzer get() {
        return analyzer;
    }

}
