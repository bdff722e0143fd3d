package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.kernel.source.PositionTree;
import dev.victor.workflow.kernel.source.Utf8;
import dev.victor.workflow.kernel.source.SourceFiles;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.format.SourcePosition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Expands {@code $ref} node reuse (Victor's §2.12): a node list item {@code - $ref: "./lib.yaml#id"}
 * is replaced by the node with that id from the {@code nodes:} list of {@code lib.yaml} (without
 * {@code #id}: its first node), and the item's other keys override the referenced node's (a shallow
 * merge).
 *
 * <p>Paths are relative to the referencing file's directory (for YAML text: to the base directory;
 * without one, text cannot use {@code $ref}). The target must stay inside the allowed root: the
 * base directory when one is configured, else the referencing file's directory. Containment is
 * checked with {@link Path#startsWith} on normalised paths and again on real paths, so neither
 * {@code ../} nor a symbolic link leads out, and {@code /a/b2} is not inside {@code /a/b}.
 * Referenced nodes are not expanded further (a {@code $ref} inside a library stays as written).
 */
final class RefExpander {
    static final String REF = "$ref";

    private final YamlTreeReader reader;
    private final YamlLimits limits;

    RefExpander(YamlTreeReader reader, YamlLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /**
     * One expanded reference, for putting problems in the right file.
     *
     * @param workflow       the workflow's name
     * @param index          the item's index in the workflow's {@code nodes}
     * @param nodeId         the resulting node's id (as a string)
     * @param libraryName    the referenced file, as shown in messages
     * @param localKeys      keys written next to {@code $ref} (their positions are in the referencing file)
     * @param libraryPositions every position that points into the referenced file
     * @param localPositions every position of the keys written next to {@code $ref}
     * @param refPosition    where the {@code $ref} value is written
     */
    record Origin(String workflow, int index, String nodeId, String libraryName, Set<String> localKeys,
                  Set<SourcePosition> libraryPositions, Set<SourcePosition> localPositions,
                  SourcePosition refPosition) {
    }

    /**
     * What the expansion did.
     *
     * @param origins one per expanded item
     * @param files   each referenced file (real path) with its bytes, in first-use order
     */
    record Result(List<Origin> origins, Map<Path, byte[]> files) {
        static final Result NONE = new Result(List.of(), Map.of());
    }

    /** Whether a tree contains any {@code $ref} item at all (cheap). */
    static boolean mentionsRef(String text) {
        return text.contains(REF);
    }

    /**
     * Replaces every {@code $ref} item of every workflow's node list, in place.
     *
     * @param root           the parsed document
     * @param positions      its positions (updated to point into the referenced files)
     * @param referencing    the file being compiled, or {@code null} for text
     * @param baseDirectory  the configured base directory (absolute, normalised), or {@code null}
     * @param sourceName     the referencing source as shown in messages
     */
    Result expand(Object root, PositionTree positions, Path referencing, Path baseDirectory, String sourceName) {
        if (!(root instanceof Map<?, ?> rootMap)) {
            return Result.NONE;
        }
        Object workflows = rootMap;
        PositionTree workflowPositions = positions;
        if (rootMap.containsKey("workflows")) {
            workflows = rootMap.get("workflows");
            workflowPositions = positions.entry("workflows");
        }
        if (!(workflows instanceof Map<?, ?> workflowMap) || workflowPositions == null) {
            return Result.NONE;
        }
        Context context = new Context(referencing, baseDirectory, sourceName);
        for (Map.Entry<?, ?> workflow : workflowMap.entrySet()) {
            if (!(workflow.getValue() instanceof Map<?, ?> definition)
                    || !(definition.get("nodes") instanceof List<?> nodes)) {
                continue;
            }
            PositionTree workflowPosition = workflowPositions.entry(workflow.getKey());
            PositionTree nodePositions = workflowPosition == null ? null : workflowPosition.entry("nodes");
            if (nodePositions == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) nodes;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> item && item.containsKey(REF)) {
                    context.expandItem(String.valueOf(workflow.getKey()), items, i, nodePositions);
                }
            }
        }
        if (!context.problems.isEmpty()) {
            throw new InvalidWorkflowException(Problems.headline(sourceName) + ": $ref cannot be resolved",
                    context.problems);
        }
        return new Result(List.copyOf(context.origins), context.files);
    }

    /** A parsed library file. */
    private record Library(Path realPath, String name, YamlTreeReader.Parsed parsed) {
    }

    private final class Context {
        private final Path referencing;
        private final Path baseDirectory;
        private final String sourceName;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Origin> origins = new ArrayList<>();
        private final Map<Path, byte[]> files = new LinkedHashMap<>();
        private final Map<Path, Library> libraries = new LinkedHashMap<>();
        private int count;

        Context(Path referencing, Path baseDirectory, String sourceName) {
            this.referencing = referencing;
            this.baseDirectory = baseDirectory;
            this.sourceName = sourceName;
        }

        void expandItem(String workflow, List<Object> items, int index, PositionTree nodePositions) {
            Map<?, ?> item = (Map<?, ?>) items.get(index);
            PositionTree itemPosition = nodePositions.item(index);
            PositionTree refPositionTree = itemPosition == null ? null : itemPosition.entry(REF);
            SourcePosition at = refPositionTree == null ? SourcePosition.UNKNOWN : refPositionTree.value();
            try {
                count++;
                if (count > limits.maxReferences()) {
                    throw error("too many $ref items: the limit is " + limits.maxReferences() + " per source", at);
                }
                Object value = item.get(REF);
                if (!(value instanceof String text) || text.isBlank()) {
                    throw error("$ref must be a string such as \"./library.yaml#node_id\"", at);
                }
                int hash = text.lastIndexOf('#');
                String filePart = (hash < 0 ? text : text.substring(0, hash)).strip();
                String nodeId = hash < 0 ? null : text.substring(hash + 1).strip();
                if (filePart.isEmpty()) {
                    throw error("$ref '" + text + "' names no file (write \"./library.yaml#" + nodeId + "\")", at);
                }
                Library library = library(filePart, text, at);
                Map<?, ?> referenced = findNode(library, nodeId, text, at);
                PositionTree libraryPosition = nodePosition(library, referenced);

                Map<Object, Object> merged = deepCopy(referenced);
                PositionTree position = libraryPosition == null ? new PositionTree(at) : libraryPosition.shallowCopy();
                Set<String> localKeys = new HashSet<>();
                Set<SourcePosition> localPositions = new HashSet<>();
                for (Map.Entry<?, ?> entry : item.entrySet()) {
                    if (REF.equals(entry.getKey())) {
                        continue;
                    }
                    merged.put(entry.getKey(), entry.getValue());
                    localKeys.add(PositionTree.keyString(entry.getKey()));
                    if (itemPosition != null && itemPosition.entry(entry.getKey()) != null) {
                        position.putEntry(entry.getKey(), itemPosition.entry(entry.getKey()));
                        collect(itemPosition.entry(entry.getKey()), localPositions);
                    }
                }
                items.set(index, merged);
                nodePositions.setItem(index, position);
                Set<SourcePosition> libraryPositions = new HashSet<>();
                if (libraryPosition != null) {
                    collect(libraryPosition, libraryPositions);
                }
                origins.add(new Origin(workflow, index, String.valueOf(merged.get("id")), library.name(),
                        Set.copyOf(localKeys), Set.copyOf(libraryPositions), Set.copyOf(localPositions), at));
            } catch (InvalidWorkflowException e) {
                problems.addAll(e.problems());
            }
        }

        private Library library(String filePart, String text, SourcePosition at) {
            Path directory;
            if (referencing != null) {
                try {
                    directory = referencing.toRealPath().getParent();
                } catch (IOException e) {
                    throw error("cannot resolve the directory of " + sourceName + ": " + e.getMessage(), at);
                }
            } else if (baseDirectory != null) {
                directory = baseDirectory;
            } else {
                throw error("$ref '" + text + "' in YAML text needs the base_directory option "
                        + "(relative paths have nothing to be relative to)", at);
            }
            Path root = baseDirectory != null ? baseDirectory : directory;
            Path candidate;
            try {
                candidate = directory.resolve(filePart).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw error("$ref '" + text + "': not a valid path: " + e.getReason(), at);
            }
            if (!candidate.startsWith(root)) {
                throw error("$ref '" + text + "' resolves outside the allowed directory " + root
                        + " (path traversal refused)", at);
            }
            if (!Files.isRegularFile(candidate)) {
                throw error((Files.exists(candidate) ? "referenced file is not a regular file (a directory, a named"
                        + " pipe, a device or a socket): " : "referenced file not found: ") + candidate
                        + " ($ref '" + text + "')", at);
            }
            Path real;
            try {
                real = candidate.toRealPath();
                if (!real.startsWith(root.toRealPath())) {
                    throw error("$ref '" + text + "' leads outside the allowed directory " + root
                            + " through a symbolic link (refused)", at);
                }
            } catch (IOException e) {
                throw error("cannot resolve $ref '" + text + "': " + e.getMessage(), at);
            }
            Library known = libraries.get(real);
            if (known != null) {
                return known;
            }
            String name = candidate.toString();
            byte[] bytes;
            try {
                bytes = SourceFiles.read(real, name, limits.maxDocumentBytes());
            } catch (InvalidWorkflowException e) {
                throw withLead("invalid referenced file " + name + " ($ref '" + text + "')", at, e);
            } catch (WorkflowException e) {
                throw error("cannot read referenced file " + name + ": " + e.getMessage(), at);
            }
            YamlTreeReader.Parsed parsed;
            try {
                parsed = reader.read(Utf8.decode(bytes, name), name);
            } catch (InvalidWorkflowException e) {
                throw withLead("invalid YAML in referenced file " + name + " ($ref '" + text + "')", at, e);
            }
            files.put(real, bytes);
            Library library = new Library(real, name, parsed);
            libraries.put(real, library);
            return library;
        }

        private Map<?, ?> findNode(Library library, String nodeId, String text, SourcePosition at) {
            Object root = library.parsed().root();
            if (!(root instanceof Map<?, ?> map) || !(map.get("nodes") instanceof List<?> nodes)) {
                throw error("no 'nodes' list at the top of referenced file " + library.name()
                        + " ($ref '" + text + "')", at);
            }
            if (nodes.isEmpty()) {
                throw error("no nodes found in " + library.name() + " ($ref '" + text + "')", at);
            }
            if (nodeId == null || nodeId.isEmpty()) {
                if (!(nodes.get(0) instanceof Map<?, ?> first)) {
                    throw error("the first node of " + library.name() + " is not a mapping", at);
                }
                return first;
            }
            List<String> ids = new ArrayList<>();
            for (Object node : nodes) {
                if (node instanceof Map<?, ?> candidate && candidate.get("id") != null) {
                    String id = String.valueOf(candidate.get("id"));
                    if (id.equals(nodeId)) {
                        return candidate;
                    }
                    ids.add(id);
                }
            }
            throw error("node '" + nodeId + "' not found in " + library.name() + " ($ref '" + text
                    + "'); it has: " + String.join(", ", ids), at);
        }

        private PositionTree nodePosition(Library library, Map<?, ?> node) {
            Map<?, ?> root = (Map<?, ?>) library.parsed().root();
            List<?> nodes = (List<?>) root.get("nodes");
            PositionTree listPosition = library.parsed().positions().entry("nodes");
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) == node) {
                    return listPosition == null ? null : listPosition.item(i);
                }
            }
            return null;
        }

        private InvalidWorkflowException error(String message, SourcePosition at) {
            return Problems.invalid(message, sourceName, at.line(), at.column());
        }

        private InvalidWorkflowException withLead(String message, SourcePosition at, InvalidWorkflowException cause) {
            List<Problem> all = new ArrayList<>();
            all.add(Problems.error(message, sourceName, at.line(), at.column()));
            all.addAll(cause.problems());
            return new InvalidWorkflowException(message, all, cause);
        }
    }

    private static void collect(PositionTree tree, Set<SourcePosition> into) {
        if (tree.value().isKnown()) {
            into.add(tree.value());
        }
        if (tree.key().isKnown()) {
            into.add(tree.key());
        }
        tree.forEachChild(child -> collect(child, into));
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> deepCopy(Map<?, ?> map) {
        Map<Object, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put(entry.getKey(), copyValue(entry.getValue()));
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy(map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RefExpander::copyValue).collect(Collectors.toCollection(ArrayList::new));
        }
        return value;
    }
}
