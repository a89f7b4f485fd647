package id.kriyanusa.esnode.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/**
 * {@code synonym} and {@code synonym_graph}. Options: {@code synonyms} (inline rules) or
 * {@code synonyms_path} (a UTF-8 file, relative to the node's config folder),
 * {@code format} ({@code solr}, the default, or {@code wordnet}), {@code expand} (default
 * true), {@code lenient} (default false: skip rules that the analysis chain cannot parse
 * instead of failing).
 *
 * <p>
 * As in Elasticsearch, the rules are analysed with the tokenizer, char filters and token
 * filters that come <em>before</em> this filter in the analyzer: the server calls
 * {@link #getChainAwareTokenFilterFactory} with that chain, and {@link #create} must
 * never be reached. Index-stored synonym sets ({@code synonyms_set}) and
 * {@code updateable} synonyms are not supported.
 */
final class SynonymTokenFilterFactory extends AbstractTokenFilterFactory {

    private final boolean graph;

    private final Environment env;

    private final Settings settings;

    private final boolean expand;

    private final boolean lenient;

    private final boolean wordnet;

    private SynonymTokenFilterFactory(boolean graph, IndexSettings indexSettings, Environment env, String name,
            Settings settings) {
        super(name);
        this.graph = graph;
        this.env = env;
        this.settings = settings;
        if (settings.hasValue("synonyms_set")) {
            throw new IllegalArgumentException("[" + name + "]: synonyms_set (synonyms stored in the cluster) is not"
                    + " supported by this node; use synonyms or synonyms_path");
        }
        if (settings.getAsBoolean("updateable", false)) {
            throw new IllegalArgumentException("[" + name + "]: updateable synonyms are not supported by this node");
        }
        if (!settings.hasValue("synonyms") && !settings.hasValue("synonyms_path")) {
            throw new IllegalArgumentException(
                    "synonym requires either `synonyms` or `synonyms_path` to be configured");
        }
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", false);
        String format = settings.get("format", "").toLowerCase(Locale.ROOT);
        if (!format.isEmpty() && !format.equals("solr") && !format.equals("wordnet")) {
            throw new IllegalArgumentException(
                    "[" + name + "]: unknown synonym format [" + format + "], expected solr or wordnet");
        }
        this.wordnet = format.equals("wordnet");
    }

    static SynonymTokenFilterFactory flat(IndexSettings indexSettings, Environment env, String name,
            Settings settings) {
        return new SynonymTokenFilterFactory(false, indexSettings, env, name, settings);
    }

    static SynonymTokenFilterFactory graph(IndexSettings indexSettings, Environment env, String name,
            Settings settings) {
        return new SynonymTokenFilterFactory(true, indexSettings, env, name, settings);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("[" + name() + "] must be specialised for its analysis chain first"
                + " (getChainAwareTokenFilterFactory)");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(IndexCreationContext context, TokenizerFactory tokenizer,
            List<CharFilterFactory> charFilters, List<TokenFilterFactory> previousTokenFilters,
            Function<String, TokenFilterFactory> allFilters) {
        SynonymMap synonyms = buildSynonyms(tokenizer, charFilters, previousTokenFilters);
        boolean graphFilter = graph;
        String name = name();
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                if (synonyms.fst == null) {
                    return tokenStream; // no rules
                }
                return graphFilter ? new SynonymGraphFilter(tokenStream, synonyms, false)
                        : new SynonymFilter(tokenStream, synonyms, false);
            }

            /**
             * A later synonym filter must not see this one's output while parsing its own
             * rules.
             */
            @Override
            public TokenFilterFactory getSynonymFilter() {
                return IDENTITY_FILTER;
            }

            @Override
            public AnalysisMode getAnalysisMode() {
                return AnalysisMode.ALL;
            }
        };
    }

    private SynonymMap buildSynonyms(TokenizerFactory tokenizer, List<CharFilterFactory> charFilters,
            List<TokenFilterFactory> previousTokenFilters) {
        String origin;
        Reader rules;
        if (settings.hasValue("synonyms")) {
            origin = "'" + name() + "' analyzer settings";
            rules = new StringReader(String.join("\n", settings.getAsList("synonyms")));
        }
        else {
            origin = settings.get("synonyms_path");
            rules = Analysis.getReaderFromFile(env, origin, "synonyms");
        }
        TokenFilterFactory[] chain = previousTokenFilters.stream()
            .map(TokenFilterFactory::getSynonymFilter)
            .toArray(TokenFilterFactory[]::new);
        try (Analyzer analyzer = new CustomAnalyzer(tokenizer, charFilters.toArray(new CharFilterFactory[0]), chain);
                Reader reader = rules) {
            SynonymMap.Parser parser = wordnet ? new LenientWordnetParser(expand, lenient, analyzer)
                    : new LenientSolrParser(expand, lenient, analyzer);
            parser.parse(reader);
            return parser.build();
        }
        catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalArgumentException("failed to build synonyms from [" + origin + "]", e);
        }
    }

    /**
     * With lenient, a rule whose words the analysis chain rejects (e.g. a stop word) is
     * skipped, not fatal.
     */
    private static final class LenientSolrParser extends SolrSynonymParser {

        private final boolean lenient;

        LenientSolrParser(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            return Lenience.analyze(lenient, text, () -> super.analyze(text, reuse));
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (Lenience.keep(lenient, input, output)) {
                super.add(input, output, includeOrig);
            }
        }

    }

    private static final class LenientWordnetParser extends WordnetSynonymParser {

        private final boolean lenient;

        LenientWordnetParser(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            return Lenience.analyze(lenient, text, () -> super.analyze(text, reuse));
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (Lenience.keep(lenient, input, output)) {
                super.add(input, output, includeOrig);
            }
        }

    }

    private static final class Lenience {

        @FunctionalInterface
        interface AnalyzeStep {

            CharsRef run() throws IOException;

        }

        static CharsRef analyze(boolean lenient, String text, AnalyzeStep analysis) throws IOException {
            try {
                return analysis.run();
            }
            catch (IllegalArgumentException e) {
                if (!lenient) {
                    throw e;
                }
                return new CharsRef(""); // dropped by keep()
            }
        }

        static boolean keep(boolean lenient, CharsRef input, CharsRef output) {
            return !lenient || (input.length > 0 && output.length > 0);
        }

    }

}
