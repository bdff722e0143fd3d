package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.kernel.source.DocumentProblems;
import dev.victor.workflow.kernel.source.PositionTree;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.format.SourcePosition;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML text into the generic tree the kernel's reader takes (mappings as
 * {@link LinkedHashMap} in document order, lists, strings, booleans, integers, doubles, nulls)
 * and records where every value and key starts.
 *
 * <p>Safe by construction: it uses SnakeYAML's composer only (a node graph, never objects built
 * from tags) and builds the tree itself. The standard tags {@code !!str !!int !!float !!bool
 * !!null !!map !!seq} are honoured; any other explicit tag is an error naming it and its line.
 * Implicit resolution follows YAML 1.1 as SnakeYAML resolves it (so unquoted {@code yes}/{@code on}/
 * {@code true} are booleans, also as keys), except that timestamps stay strings. Merge keys
 * ({@code <<}) are supported. Duplicate keys, recursive aliases and non-scalar keys are errors.
 * Limits ({@link YamlLimits}) are checked while parsing, so a hostile document fails fast.
 */
final class YamlTreeReader {
    private static final Set<String> SCALAR_TAGS = Set.of(Tag.STR.getValue(), Tag.INT.getValue(),
            Tag.FLOAT.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue());
    private static final String ALLOWED_TAGS = "!!str, !!int, !!float, !!bool, !!null, !!map and !!seq";

    private final YamlLimits limits;

    YamlTreeReader(YamlLimits limits) {
        this.limits = limits;
    }

    /** The tree and its positions. */
    record Parsed(Object root, PositionTree positions) {
    }

    /**
     * Parses one YAML document.
     *
     * @param text   the document (a leading byte order mark is ignored)
     * @param source the file or URI, for messages; {@code null} for text
     * @throws InvalidWorkflowException with one located problem when the text is not acceptable YAML
     */
    Parsed read(String text, String source) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        DocumentProblems.checkSize(text, source, limits.maxDocumentBytes());
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(limits.maxAliases() + 1);
        // SnakeYAML's own depth check has no position; ours (in the guard) fires first.
        options.setNestingDepthLimit(limits.maxNestingDepth() + 2);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxDocumentBytes() + 1));
        options.setProcessComments(false);
        options.setMergeOnCompose(false);

        SourceLines lines = new SourceLines(text);
        Node root;
        try {
            Parser parser = new Guard(new ParserImpl(new WholeTextReader(text), options), source);
            Composer composer = new Composer(parser, new PlainScalarResolver(), options);
            root = composer.getSingleNode();
        } catch (Refused refused) {
            throw refused.exception;
        } catch (MarkedYAMLException e) {
            throw syntaxError(e, source);
        } catch (ReaderException e) {
            throw unreadable(e, text, source);
        } catch (YAMLException e) {
            throw DocumentProblems.invalid("invalid YAML: " + e.getMessage(), source, 0, 0, e);
        } catch (StackOverflowError e) {
            throw DocumentProblems.invalid("the document nests too deeply to be read (the limit is "
                    + limits.maxNestingDepth() + " levels)", source, 0, 0);
        }
        if (root == null) {
            throw DocumentProblems.invalid("the document is empty: a workflow file needs a mapping with 'workflows:' "
                    + "or workflow names at the top", source, 1, 1);
        }
        Builder builder = new Builder(lines, source);
        try {
            PositionTree positions = new PositionTree(SourcePosition.UNKNOWN);
            Object tree = builder.build(root, positions, 1);
            return new Parsed(tree, positions);
        } catch (Refused refused) {
            throw refused.exception;
        } catch (StackOverflowError e) {
            throw DocumentProblems.invalid("the document nests too deeply to be read (the limit is "
                    + limits.maxNestingDepth() + " levels)", source, 0, 0);
        }
    }

    private static InvalidWorkflowException syntaxError(MarkedYAMLException e, String source) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        StringBuilder message = new StringBuilder("invalid YAML: ");
        if (e.getContext() != null) {
            message.append(e.getContext());
            if (e.getContextMark() != null && e.getProblemMark() != null
                    && e.getContextMark().getLine() != e.getProblemMark().getLine()) {
                message.append(" (started at line ").append(e.getContextMark().getLine() + 1).append(')');
            }
            message.append(", ");
        }
        message.append(e.getProblem() == null ? "cannot be parsed" : e.getProblem());
        int line = mark == null ? 0 : mark.getLine() + 1;
        int column = mark == null ? 0 : mark.getColumn() + 1;
        return DocumentProblems.invalid(message.toString(), source, line, column, e);
    }

    /** A character YAML does not allow (a control character, say): where it is, and which. */
    private static InvalidWorkflowException unreadable(ReaderException e, String text, String source) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < e.getPosition(); index++) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String message = String.format("the character U+%04X is not allowed in YAML", e.getCodePoint());
        return DocumentProblems.invalid(message, source, line, column, e);
    }

    static String displayTag(String tag) {
        if (tag.startsWith(Tag.PREFIX)) {
            return "!!" + tag.substring(Tag.PREFIX.length());
        }
        return tag;
    }

    /** An error already located; unwinds through SnakeYAML unchanged. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient InvalidWorkflowException exception;

        Refused(InvalidWorkflowException exception) {
            super(exception.getMessage(), null, false, false);
            this.exception = exception;
        }
    }

    /**
     * Sits between SnakeYAML's parser and composer: refuses tags and counts aliases and nesting as
     * the events go by, so that a hostile document stops at the first event over a limit.
     */
    private final class Guard implements Parser {
        private final Parser delegate;
        private final String source;
        private int depth;
        private int aliases;
        private int values;

        Guard(Parser delegate, String source) {
            this.delegate = delegate;
            this.source = source;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return delegate.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = delegate.getEvent();
            if (event instanceof ScalarEvent || event instanceof MappingStartEvent
                    || event instanceof SequenceStartEvent || event instanceof AliasEvent) {
                values++;
                if (values > limits.maxValues()) {
                    throw refuse("the document holds more than the limit of " + limits.maxValues()
                            + " values (keys, scalars, mappings and sequences)", event.getStartMark());
                }
            }
            if (event instanceof ScalarEvent scalar) {
                checkTag(scalar.getTag(), SCALAR_TAGS, "a scalar", event);
            } else if (event instanceof MappingStartEvent mapping) {
                checkTag(mapping.getTag(), Set.of(Tag.MAP.getValue()), "a mapping", event);
                enter(event);
            } else if (event instanceof SequenceStartEvent sequence) {
                checkTag(sequence.getTag(), Set.of(Tag.SEQ.getValue()), "a sequence", event);
                enter(event);
            } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                depth--;
            } else if (event instanceof AliasEvent) {
                aliases++;
                if (aliases > limits.maxAliases()) {
                    throw refuse("too many aliases: the limit is " + limits.maxAliases()
                            + " alias uses per document", event.getStartMark());
                }
            }
            return event;
        }

        private void enter(Event event) {
            depth++;
            if (depth > limits.maxNestingDepth()) {
                throw refuse("the document nests deeper than the limit of " + limits.maxNestingDepth()
                        + " levels of mappings and sequences", event.getStartMark());
            }
        }

        private void checkTag(String tag, Set<String> allowed, String kind, Event event) {
            if (tag == null || tag.equals("!") || allowed.contains(tag)) {
                return;
            }
            String shown = displayTag(tag);
            String message;
            if (SCALAR_TAGS.contains(tag) || tag.equals(Tag.MAP.getValue()) || tag.equals(Tag.SEQ.getValue())) {
                message = "the tag " + shown + " cannot be used on " + kind;
            } else {
                message = "the tag " + shown + " is not allowed: tags never construct objects here; only "
                        + ALLOWED_TAGS + " may be written";
            }
            throw refuse(message, event.getStartMark());
        }

        private Refused refuse(String message, Mark mark) {
            return new Refused(DocumentProblems.invalid(message, source, mark.getLine() + 1, mark.getColumn() + 1));
        }
    }

    /** Builds the generic tree from the node graph, copying aliases within the expansion limit. */
    private final class Builder {
        private final SourceLines lines;
        private final String source;
        private final Map<Node, Boolean> built = new IdentityHashMap<>();
        private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
        private int aliasDepth;
        private long expanded;

        Builder(SourceLines lines, String source) {
            this.lines = lines;
            this.source = source;
        }

        Object build(Node node, PositionTree position, int depth) {
            if (onPath.containsKey(node)) {
                throw refuse("a recursive alias: this value contains itself", node);
            }
            boolean alias = built.put(node, Boolean.TRUE) != null;
            if (alias) {
                aliasDepth++;
            }
            try {
                if (aliasDepth > 0) {
                    expanded++;
                    if (expanded > limits.maxAliasExpansion()) {
                        throw refuse("aliases expand to more than the limit of " + limits.maxAliasExpansion()
                                + " values (a \"billion laughs\" document?)", node);
                    }
                }
                position.setValue(positionOf(node));
                if (node instanceof ScalarNode scalar) {
                    return scalar(scalar);
                }
                if (depth > limits.maxNestingDepth()) {
                    throw refuse("the document nests deeper than the limit of " + limits.maxNestingDepth()
                            + " levels of mappings and sequences", node);
                }
                onPath.put(node, Boolean.TRUE);
                try {
                    if (node instanceof SequenceNode sequence) {
                        return sequence(sequence, position, depth);
                    }
                    return mapping((MappingNode) node, position, depth);
                } finally {
                    onPath.remove(node);
                }
            } finally {
                if (alias) {
                    aliasDepth--;
                }
            }
        }

        private List<Object> sequence(SequenceNode node, PositionTree position, int depth) {
            List<Node> values = node.getValue();
            List<Object> result = new ArrayList<>(values.size());
            for (Node item : values) {
                PositionTree child = position.addItem(new PositionTree(null));
                result.add(build(item, child, depth + 1));
            }
            return result;
        }

        private Map<Object, Object> mapping(MappingNode node, PositionTree position, int depth) {
            Map<Object, Object> result = new LinkedHashMap<>();
            Map<String, SourcePosition> seen = new HashMap<>();
            List<Node> merges = new ArrayList<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    throw refuse("a mapping key must be a plain value, not a "
                            + (keyNode instanceof SequenceNode ? "sequence" : "mapping"), keyNode);
                }
                if (Tag.MERGE.equals(keyScalar.getTag())) {
                    merges.add(tuple.getValueNode());
                    continue;
                }
                PositionTree keyPosition = new PositionTree(null);
                Object key = build(keyScalar, keyPosition, depth + 1);
                String name = PositionTree.keyString(key);
                SourcePosition first = seen.putIfAbsent(name, keyPosition.value());
                if (first != null) {
                    throw refuse("duplicate key '" + name + "'" + (first.isKnown()
                            ? " (first written at line " + first.line() + ", column " + first.column() + ")"
                            : ""), keyScalar);
                }
                PositionTree child = new PositionTree(null);
                child.setKey(keyPosition.value());
                Object value = build(tuple.getValueNode(), child, depth + 1);
                result.put(key, value);
                position.putEntry(key, child);
            }
            for (Node merge : merges) {
                merge(merge, result, seen, position, depth);
            }
            return result;
        }

        /** YAML 1.1 merge: keys of the merged mapping(s) are added when not written explicitly. */
        private void merge(Node merge, Map<Object, Object> result, Map<String, SourcePosition> seen,
                           PositionTree position, int depth) {
            List<Node> sources = new ArrayList<>();
            if (merge instanceof MappingNode) {
                sources.add(merge);
            } else if (merge instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    if (!(item instanceof MappingNode)) {
                        throw refuse("a merge key (<<) takes a mapping or a list of mappings", item);
                    }
                    sources.add(item);
                }
            } else {
                throw refuse("a merge key (<<) takes a mapping or a list of mappings", merge);
            }
            for (Node sourceNode : sources) {
                PositionTree merged = new PositionTree(null);
                Object built = build(sourceNode, merged, depth + 1);
                @SuppressWarnings("unchecked")
                Map<Object, Object> entries = (Map<Object, Object>) built;
                for (Map.Entry<Object, Object> entry : entries.entrySet()) {
                    String name = PositionTree.keyString(entry.getKey());
                    if (seen.putIfAbsent(name, SourcePosition.UNKNOWN) == null) {
                        result.put(entry.getKey(), entry.getValue());
                        position.putEntry(entry.getKey(), merged.entry(entry.getKey()));
                    }
                }
            }
        }

        private Object scalar(ScalarNode node) {
            String value = node.getValue();
            Tag tag = node.getTag();
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                Boolean bool = YamlScalars.bool(value);
                if (bool == null) {
                    throw refuse("'" + value + "' is not a boolean (!!bool)", node);
                }
                return bool;
            }
            if (Tag.INT.equals(tag)) {
                Number number = YamlScalars.integer(value);
                if (number == null) {
                    throw refuse("'" + value + "' is not an integer (!!int)", node);
                }
                return number;
            }
            if (Tag.FLOAT.equals(tag)) {
                Double number = YamlScalars.floating(value);
                if (number == null) {
                    throw refuse("'" + value + "' is not a number (!!float)", node);
                }
                return number;
            }
            // !!str, and the implicit timestamp, value (=) and merge (<<) tags: the text as written.
            return value;
        }

        private Refused refuse(String message, Node node) {
            SourcePosition at = positionOf(node);
            return new Refused(DocumentProblems.invalid(message, source, at.line(), at.column()));
        }

        /** Where a node's content starts (see {@link dev.victor.workflow.format.SourcePositions}). */
        SourcePosition positionOf(Node node) {
            Mark mark = node.getStartMark();
            if (mark == null) {
                return SourcePosition.UNKNOWN;
            }
            int line = mark.getLine();
            int column = mark.getColumn();
            int first = lines.codePointAt(line, column);
            if (first == '!' || first == '&') {
                int[] content = skipProperties(line, column);
                line = content[0];
                column = content[1];
            }
            if (node instanceof ScalarNode scalar) {
                DumperOptions.ScalarStyle style = scalar.getScalarStyle();
                if (style == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                        || style == DumperOptions.ScalarStyle.SINGLE_QUOTED) {
                    column++;
                } else if (style == DumperOptions.ScalarStyle.LITERAL
                        || style == DumperOptions.ScalarStyle.FOLDED) {
                    return blockContent(line, column, node.getEndMark());
                }
            }
            return new SourcePosition(line + 1, column + 1);
        }

        /** Past a node's tag and anchor (and the blank or comment rest of their line). */
        private int[] skipProperties(int line, int column) {
            String text = lines.line(line);
            int i = lines.charOffset(line, column);
            if (i < 0) {
                return new int[] {line, column};
            }
            while (i < text.length() && (text.charAt(i) == '!' || text.charAt(i) == '&')) {
                while (i < text.length() && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                    i++;
                }
                while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
            }
            if (i < text.length() && text.charAt(i) != '#') {
                return new int[] {line, lines.column(line, i)};
            }
            for (int next = line + 1; next < lines.count(); next++) {
                String candidate = lines.line(next);
                String trimmed = candidate.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    return new int[] {next, SourceLines.indentation(candidate)};
                }
            }
            return new int[] {line, column};
        }

        /** A block scalar's content starts on the line after its header, at the block's indentation. */
        private SourcePosition blockContent(int headerLine, int headerColumn, Mark end) {
            int last = end == null ? lines.count() - 1 : Math.min(end.getLine(), lines.count() - 1);
            for (int line = headerLine + 1; line <= last; line++) {
                String text = lines.line(line);
                if (!SourceLines.isBlank(text)) {
                    return new SourcePosition(headerLine + 2, SourceLines.indentation(text) + 1);
                }
            }
            return new SourcePosition(headerLine + 1, headerColumn + 1);
        }
    }
}
