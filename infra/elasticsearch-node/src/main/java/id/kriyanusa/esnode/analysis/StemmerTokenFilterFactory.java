package id.kriyanusa.esnode.analysis;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/**
 * {@code stemmer} with {@code language} (alias {@code name}):
 * {@code english}/{@code porter} (Porter), {@code light_english}/{@code kstem} (KStem),
 * {@code minimal_english}, {@code possessive_english}, {@code porter2} (Snowball
 * English), {@code indonesian}; any other value is tried as a Lucene Snowball stemmer
 * name (e.g. {@code german}, {@code french}). Also {@code porter_stem}, {@code kstem} and
 * {@code indonesian_stem} ({@code stem_derivational}, default true).
 */
final class StemmerTokenFilterFactory extends AbstractTokenFilterFactory {

    private final UnaryOperator<TokenStream> stemmer;

    StemmerTokenFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        this(name, forLanguage(name, settings.get("language", settings.get("name", "porter")), settings));
    }

    private StemmerTokenFilterFactory(String name, UnaryOperator<TokenStream> stemmer) {
        super(name);
        this.stemmer = stemmer;
    }

    static StemmerTokenFilterFactory porter(IndexSettings indexSettings, Environment env, String name,
            Settings settings) {
        return new StemmerTokenFilterFactory(name, PorterStemFilter::new);
    }

    static StemmerTokenFilterFactory kstem(IndexSettings indexSettings, Environment env, String name,
            Settings settings) {
        return new StemmerTokenFilterFactory(name, KStemFilter::new);
    }

    static StemmerTokenFilterFactory indonesian(IndexSettings indexSettings, Environment env, String name,
            Settings settings) {
        boolean derivational = settings.getAsBoolean("stem_derivational", true);
        return new StemmerTokenFilterFactory(name, in -> new IndonesianStemFilter(in, derivational));
    }

    private static UnaryOperator<TokenStream> forLanguage(String filterName, String language, Settings settings) {
        String normalized = language.trim().toLowerCase(Locale.ROOT).replace("lightenglish", "light_english");
        return switch (normalized) {
            case "english", "porter" -> PorterStemFilter::new;
            case "light_english", "kstem" -> KStemFilter::new;
            case "minimal_english" -> EnglishMinimalStemFilter::new;
            case "possessive_english" -> EnglishPossessiveFilter::new;
            case "porter2" -> in -> new SnowballFilter(in, "English");
            case "indonesian" -> {
                boolean derivational = settings.getAsBoolean("stem_derivational", true);
                yield in -> new IndonesianStemFilter(in, derivational);
            }
            default -> snowball(filterName, normalized);
        };
    }

    private static UnaryOperator<TokenStream> snowball(String filterName, String language) {
        StringBuilder className = new StringBuilder();
        for (String part : language.split("_")) {
            if (!part.isEmpty()) {
                className.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String snowballName = className.toString();
        try {
            new SnowballFilter(emptyStream(), snowballName); // fails fast on an unknown
                                                             // language
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException("[" + filterName + "]: unknown stemmer language [" + language + "]", e);
        }
        return in -> new SnowballFilter(in, snowballName);
    }

    private static TokenStream emptyStream() {
        return new TokenStream() {
            @Override
            public boolean incrementToken() {
                return false;
            }
        };
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }

}
