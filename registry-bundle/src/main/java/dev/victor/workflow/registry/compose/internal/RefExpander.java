package dev.victor.workflow.registry.compose.internal;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.format.ParsedDocument;
import dev.victor.workflow.format.SourcePosition;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.kernel.source.DocumentProblems;
import dev.victor.workflow.kernel.source.PositionTree;
import dev.victor.workflow.registry.compose.FormatTable;
import dev.victor.workflow.source.SourceDocument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Expands {@code $ref} node reuse (Victor's §2.12) on a parsed tree of any format: a node list
 * item {@code - $ref: "./lib.yaml#id"} is replaced by the node with that id from the
 * {@code nodes:} list of {@code lib.yaml} (without {@code #id}: its first node), and the item's
 * other keys override the referenced node's (a shallow merge). The document's
 * {@link dev.victor.workflow.source.ReferenceResolver} reads the referenced document (and decides
 * where it may be); the format that parses it is chosen for it by {@code formatOf}.
 *
 * <p>Limits, each named in its error: at most {@code maxReferences} items per document; each
 * referenced document within its source's size limit and its format's limits; depth one (a
 * {@code $ref} inside a referenced document stays as written, so there are no cycles).
 */
public final class RefExpander {
    public static final String REF = "$ref";

    private final int maxReferences;
    private final Function<SourceDocument, FormatTable.Entry> formatOf;

    /**
     * @param maxReferences most {@code $ref} items resolved for one document
     * @param formatOf      the format that parses a referenced document
     */
    public RefExpander(int maxReferences, Function<SourceDocument, FormatTable.Entry> formatOf) {
        this.maxReferences = maxReferences;
        this.formatOf = formatOf;
    }

    /**
     * One expanded reference, for putting problems in the right document.
     *
     * @param workflow         the workflow's name
     * @param index            the item's index in the workflow's {@code nodes}
     * @param nodeId           the resulting node's id (as a string)
     * @param libraryName      the referenced document, as shown in messages
     * @param localKeys        keys written next to {@code $ref} (their positions are in the referencing document)
     * @param libraryPositions every position that points into the referenced document
     * @param localPositions   every position of the keys written next to {@code $ref}
     * @param refPosition      where the {@code $ref} value is written
     */
    public record Origin(String workflow, int index, String nodeId, String libraryName, Set<String> localKeys,
                         Set<SourcePosition> libraryPositions, Set<SourcePosition> localPositions,
                         SourcePosition refPosition) {
    }

    /**
     * What the expansion did.
     *
     * @param tree       the expanded tree
     * @param positions  its positions (pointing into the referenced documents where they came from)
     * @param origins    one per expanded item
     * @param references each referenced document's name with its fingerprint, in first-use order
     */
    public record Result(Object tree, SourcePositions positions, List<Origin> origins,
                         Map<String, String> references) {
    }

    /** Whether the tree holds any {@code $ref} item in a workflow's node list (cheap: no copy). */
    public static boolean mentionsRef(Object root) {
        Object workflows = workflows(root);
        if (!(workflows instanceof Map<?, ?> workflowMap)) {
            return false;
        }
        for (Object workflow : workflowMap.values()) {
            if (workflow instanceof Map<?, ?> definition && definition.get("nodes") instanceof List<?> nodes) {
                for (Object item : nodes) {
                    if (item instanceof Map<?, ?> map && map.containsKey(REF)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Object workflows(Object root) {
        if (!(root instanceof Map<?, ?> rootMap)) {
            return null;
        }
        return rootMap.containsKey("workflows") ? rootMap.get("workflows") : rootMap;
    }

    /**
     * Replaces every {@code $ref} item of every workflow's node list.
     *
     * @param parsed     the document, parsed (its tree is changed in place)
     * @param document   the document as read, whose resolver reads the referenced documents
     * @param sourceName the document as shown in messages ({@code null} for text)
     * @throws InvalidWorkflowException with every {@code $ref} that cannot be resolved, each
     *                                  located at its {@code $ref} value
     */
    public Result expand(ParsedDocument parsed, SourceDocument document, String sourceName) {
        Object root = parsed.tree();
        PositionTree positions = positionTree(root, parsed.positions());
        Context context = new Context(document, sourceName);
        Map<?, ?> rootMap = (Map<?, ?>) root;
        Object workflows = rootMap;
        PositionTree workflowPositions = positions;
        if (rootMap.containsKey("workflows")) {
            workflows = rootMap.get("workflows");
            workflowPositions = positions.entry("workflows");
        }
        if (workflows instanceof Map<?, ?> workflowMap && workflowPositions != null) {
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
        }
        if (!context.problems.isEmpty()) {
            throw new InvalidWorkflowException(headline(sourceName) + ": $ref cannot be resolved", context.problems);
        }
        return new Result(root, positions, List.copyOf(context.origins), Map.copyOf(context.references));
    }

    static String headline(String sourceName) {
        return sourceName == null ? "Invalid workflow document" : "Invalid workflow document " + sourceName;
    }

    /** A parsed referenced document. */
    private record Library(String name, Object root, PositionTree positions) {
    }

    private final class Context {
        private final SourceDocument document;
        private final String sourceName;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Origin> origins = new ArrayList<>();
        private final Map<String, String> references = new LinkedHashMap<>();
        private final Map<String, Library> libraries = new LinkedHashMap<>();
        private int count;

        Context(SourceDocument document, String sourceName) {
            this.document = document;
            this.sourceName = sourceName;
        }

        void expandItem(String workflow, List<Object> items, int index, PositionTree nodePositions) {
            Map<?, ?> item = (Map<?, ?>) items.get(index);
            PositionTree itemPosition = nodePositions.item(index);
            PositionTree refPositionTree = itemPosition == null ? null : itemPosition.entry(REF);
            SourcePosition at = refPositionTree == null ? SourcePosition.UNKNOWN : refPositionTree.value();
            try {
                count++;
                if (count > maxReferences) {
                    throw error("too many $ref items: the limit is " + maxReferences + " per source (max_references)",
                            at);
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
            Library known = libraries.get(filePart);
            if (known != null) {
                return known;
            }
            SourceDocument referenced;
            try {
                referenced = document.references().resolve(filePart);
            } catch (InvalidWorkflowException e) {
                throw withLead("invalid referenced file " + name(e) + " ($ref '" + text + "')", at, e);
            } catch (WorkflowException e) {
                String message = e.getMessage();
                throw error(message.contains("$ref '") ? message : message + " ($ref '" + text + "')", at);
            }
            ParsedDocument parsed;
            String formatName = "document";
            try {
                FormatTable.Entry format = formatOf.apply(referenced);
                formatName = format.name().toUpperCase(java.util.Locale.ROOT);
                parsed = format.format().parse(referenced);
            } catch (InvalidWorkflowException e) {
                throw withLead("invalid " + formatName + " in referenced file " + referenced.name()
                        + " ($ref '" + text + "')", at, e);
            } catch (WorkflowException e) {
                throw error("cannot read referenced file " + referenced.name() + ": " + e.getMessage(), at);
            }
            references.put(referenced.name(), String.valueOf(referenced.fingerprint()));
            Library library = new Library(referenced.name(), parsed.tree(), positionTree(parsed.tree(), parsed.positions()));
            libraries.put(filePart, library);
            return library;
        }

        private Map<?, ?> findNode(Library library, String nodeId, String text, SourcePosition at) {
            Object root = library.root();
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
            List<?> nodes = (List<?>) ((Map<?, ?>) library.root()).get("nodes");
            PositionTree listPosition = library.positions().entry("nodes");
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) == node) {
                    return listPosition == null ? null : listPosition.item(i);
                }
            }
            return null;
        }

        private InvalidWorkflowException error(String message, SourcePosition at) {
            return new InvalidWorkflowException(headline(sourceName),
                    List.of(DocumentProblems.error(message, sourceName, at.line(), at.column())));
        }

        private InvalidWorkflowException withLead(String message, SourcePosition at, InvalidWorkflowException cause) {
            List<Problem> all = new ArrayList<>();
            all.add(DocumentProblems.error(message, sourceName, at.line(), at.column()));
            all.addAll(cause.problems());
            return new InvalidWorkflowException(message, all, cause);
        }
    }

    private static String name(InvalidWorkflowException e) {
        return e.problems().isEmpty() || e.problems().get(0).source() == null ? "" : e.problems().get(0).source();
    }

    /**
     * The positions as a tree that can be changed: the format's own {@link PositionTree}, or one
     * built by asking its {@link SourcePositions} for every value of the tree.
     */
    static PositionTree positionTree(Object tree, SourcePositions positions) {
        if (positions instanceof PositionTree own) {
            return own;
        }
        return copy(tree, positions, new ArrayList<>());
    }

    private static PositionTree copy(Object value, SourcePositions positions, List<Object> path) {
        PositionTree node = new PositionTree(positions.valueAt(List.copyOf(path)));
        if (!path.isEmpty()) {
            node.setKey(positions.keyAt(List.copyOf(path)));
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                path.add(PositionTree.keyString(entry.getKey()));
                node.putEntry(entry.getKey(), copy(entry.getValue(), positions, path));
                path.remove(path.size() - 1);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                path.add(i);
                node.addItem(copy(list.get(i), positions, path));
                path.remove(path.size() - 1);
            }
        }
        return node;
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
