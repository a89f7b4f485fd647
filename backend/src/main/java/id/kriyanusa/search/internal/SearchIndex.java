package id.kriyanusa.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import id.kriyanusa.search.SearchIndexName;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One search index in Elasticsearch ({@code products}, {@code brands} or
 * {@code villages}): versioned concrete indices ({@code brands-v1}, {@code brands-v2},
 * ...) behind the alias of that name, which every search goes through; writes name the
 * index behind it.
 * <p>
 * The definition (settings and mapping) lives in {@code search/<alias>-index.json}. The
 * analysis they all share ({@code search/analysis.json}: Indonesian and English
 * analysers, the cross-language synonyms of {@code search/synonyms.txt}, the root words
 * the Indonesian stemmer must leave whole) is inlined into it when an index is created,
 * so the node needs no file of ours in its config folder. A hash of the whole definition
 * is stored in the mapping's {@code _meta}: when the definition in the code differs from
 * the one behind the alias, a full reindex builds a new index at start-up.
 * <p>
 * Every write carries an external version (see {@link SearchIndexer} for where it comes
 * from): Elasticsearch keeps a document only when its version is higher than the stored
 * one, and deletions leave a versioned tombstone for {@code index.gc_deletes} (one hour,
 * set in the definitions), so a late, stale write never resurrects or overwrites newer
 * state.
 */
public class SearchIndex {

    /**
     * How long merging a rebuilt index into one segment may take (seconds for 100,000
     * products).
     */
    private static final Duration MERGE_TIMEOUT = Duration.ofMinutes(30);

    /** How often a merge under way is asked whether it is done. */
    private static final Duration MERGE_CHECK = Duration.ofMillis(500);

    private final SearchIndexName name;

    private final Pattern versioned;

    private final ElasticsearchClient client;

    private final Rest5Client rest;

    private final String definition;

    private final String hash;

    /**
     * Where to find the index a full reindex (on any instance) is filling, which
     * incremental writes must reach too until the alias moves to it.
     */
    private final RebuildsUnderWay rebuilds;

    /**
     * An index of this name with the analysis all indices share (see {@link #analysis}).
     */
    SearchIndex(SearchIndexName name, String analysis, ElasticsearchClient client, Rest5Client rest,
            RebuildsUnderWay rebuilds) {
        this.name = name;
        this.rebuilds = rebuilds;
        this.versioned = Pattern.compile("^" + name.alias() + "-v(\\d+)$");
        this.client = client;
        this.rest = rest;
        var withAnalysis = read("search/" + name.alias() + "-index.json").replace("\"__ANALYSIS__\"", analysis);
        this.hash = sha256(withAnalysis).substring(0, 16);
        this.definition = withAnalysis.replace("__HASH__", hash);
    }

    /**
     * The analysis every index shares, with its synonyms (their names of several words
     * also as their roots, see {@link Vocabulary#linesWithRootedNames}) and the root
     * words kept whole; read once for all of them.
     */
    static String analysis(JsonMapper json, IndonesianRoots roots) {
        var synonyms = Vocabulary.linesWithRootedNames(roots::root);
        // Jackson writes the same text the definitions always had (so their hash, and the
        // indices built from them, stay), escaping what needs it
        return read("search/analysis.json").strip()
            .replace("\"__SYNONYMS__\"", json.writeValueAsString(synonyms))
            .replace("\"__ROOTS__\"", json.writeValueAsString(IndonesianRoots.cutByTheStemmer()));
    }

    public SearchIndexName name() {
        return name;
    }

    /** The alias searches go through. */
    public String alias() {
        return name.alias();
    }

    /**
     * Identifies the index definition in the code: settings, analysis with its synonyms,
     * and mapping.
     */
    public String definitionHash() {
        return hash;
    }

    /** The concrete index behind the alias, if there is one. */
    public Optional<String> current() {
        try {
            if (!client.indices().existsAlias(e -> e.name(alias())).value()) {
                return Optional.empty();
            }
            return client.indices().getAlias(a -> a.name(alias())).aliases().keySet().stream().findFirst();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definition hash stored in an index's mapping, or null when it has none. */
    public String hashOf(String index) {
        try {
            var mapping = client.indices().getMapping(m -> m.index(index)).get(index);
            var meta = mapping == null ? null : mapping.mappings().meta();
            var stored = meta == null ? null : meta.get("mapping_hash");
            return stored == null ? null : stored.to(String.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the alias exists and points at an index built from the definition in the
     * code.
     */
    public boolean upToDate() {
        return current().map(index -> hash.equals(hashOf(index))).orElse(false);
    }

    /**
     * Creates a new, empty concrete index with the next version number and returns its
     * name. Versioned indices other than {@code keep} (left over by a rebuild that
     * crashed) are deleted first.
     */
    public String createNext(String keep) {
        try {
            int next = 1;
            for (var name : versions()) {
                next = Math.max(next, Integer.parseInt(name.substring(alias().length() + "-v".length())) + 1);
                if (!name.equals(keep)) {
                    delete(name);
                }
            }
            var index = alias() + "-v" + next;
            var request = new Request("PUT", "/" + index);
            request.setJsonEntity(definition);
            ElasticsearchAnswers.accepted(rest.performRequest(request));
            return index;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * While an index is filled in bulk nothing searches it: without refreshes it is
     * written in a few large segments.
     */
    public void loadInBulk(String index) {
        updateSettings(index, "{\"index\":{\"refresh_interval\":\"-1\"}}");
    }

    /**
     * Readies an index filled in bulk for searches: refreshes as usual again, and is
     * merged into one segment so that searches visit one segment and do not share the CPU
     * with background merges once it is live (on 100,000 products, 4-13 % less
     * Elasticsearch CPU per search than the four segments a rebuild left). Part of a
     * reindex, in the background: the merge may take longer than a request usually may.
     */
    public void readyForSearches(String index) {
        updateSettings(index, "{\"index\":{\"refresh_interval\":null}}");
        try {
            // started as a task and watched, not awaited in one request: on a busy
            // machine
            // the merge of 100,000 products outlasted the client's socket timeout and the
            // whole rebuild failed with it
            var task = client.indices()
                .forcemerge(merge -> merge.index(index).maxNumSegments(1L).waitForCompletion(false))
                .task();
            long until = System.nanoTime() + MERGE_TIMEOUT.toNanos();
            while (!client.tasks().get(get -> get.taskId(task)).completed()) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("The merge of " + index + " took longer than " + MERGE_TIMEOUT);
                }
                Thread.sleep(MERGE_CHECK.toMillis());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while merging " + index, e);
        }
        refresh(index);
    }

    private void updateSettings(String index, String json) {
        var request = new Request("PUT", "/" + index + "/_settings");
        request.setJsonEntity(json);
        perform(request);
    }

    private void perform(Request request) {
        try {
            ElasticsearchAnswers.accepted(rest.performRequest(request));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void refresh(String index) {
        try {
            client.indices().refresh(r -> r.index(index));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points the alias at {@code index} in one atomic {@code _aliases} request (remove
     * from the old, add to the new), so searches always find exactly one complete index.
     */
    public void swap(String previous, String index) {
        try {
            client.indices().updateAliases(u -> {
                if (previous != null) {
                    u.actions(a -> a.remove(r -> r.index(previous).alias(alias())));
                }
                return u.actions(a -> a.add(add -> add.index(index).alias(alias()).isWriteIndex(true)));
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String index) {
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes these documents and deletes these ids with the external version
     * {@code revision}: into the index behind the alias and into the index being built,
     * by any instance, if any. The concrete indices are named, never the alias, so a
     * write cannot create an index of its own (Elasticsearch would create a missing
     * {@code products} for a delete, even with {@code require_alias}). Before the first
     * index of the alias exists there is nothing to write: the first build reads every
     * change committed before it starts, this one included (the listeners run after the
     * commit), so a change made while the portal starts is not an error to retry; nor
     * while the first build is still creating its index (a second or more with the
     * vocabulary's synonyms), which it has not begun to fill. An index without the alias
     * and no build under way, though, fails the write. Version conflicts mean a newer
     * state is stored already and are fine; any other failure throws, so the caller's
     * event publication stays incomplete.
     */
    public void write(Collection<Map<String, Object>> documents, Collection<Long> deletions, long revision) {
        // the rebuild first: once it has ended, the alias has moved to the index it built
        var building = rebuilds.building(alias());
        var targets = new LinkedHashSet<String>();
        current().ifPresent(targets::add);
        building.ifPresent(targets::add);
        if (targets.isEmpty()) {
            if (versions().isEmpty() || rebuilds.running(alias())) {
                return;
            }
            throw new IllegalStateException("There is no index behind the alias " + alias());
        }
        for (var target : targets) {
            writeTo(target, documents, deletions, revision);
        }
    }

    /** The names of this alias's versioned indices ({@code products-v3}), in no order. */
    private List<String> versions() {
        try {
            return client.indices()
                .resolveIndex(r -> r.name(alias() + "-v*"))
                .indices()
                .stream()
                .map(item -> item.name())
                .filter(name -> versioned.matcher(name).matches())
                .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes to one concrete index. */
    public void writeTo(String target, Collection<Map<String, Object>> documents, Collection<Long> deletions,
            long revision) {
        if (documents.isEmpty() && deletions.isEmpty()) {
            return;
        }
        var operations = new ArrayList<BulkOperation>(documents.size() + deletions.size());
        for (var document : documents) {
            var id = String.valueOf(document.get("id"));
            operations.add(BulkOperation.of(op -> op.index(i -> i.index(target)
                .id(id)
                .document(document)
                .version(revision)
                .versionType(VersionType.External))));
        }
        for (var id : deletions) {
            operations.add(BulkOperation.of(op -> op.delete(
                    d -> d.index(target).id(String.valueOf(id)).version(revision).versionType(VersionType.External))));
        }
        try {
            var response = client.bulk(new BulkRequest.Builder().operations(operations).build());
            if (response.errors()) {
                var failures = new ArrayList<String>();
                for (var item : response.items()) {
                    var error = item.error();
                    if (error != null && !"version_conflict_engine_exception".equals(error.type())) {
                        failures.add(item.id() + ": " + error.type() + " " + error.reason());
                    }
                }
                if (!failures.isEmpty()) {
                    throw new IllegalStateException("Indexing into " + target + " failed: " + failures);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text file of the class path, such as the index definitions and the vocabulary.
     */
    static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
