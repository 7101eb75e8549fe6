package io.ashspring.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.ashspring.expr.Expressions;
import io.ashspring.fixtures.Comment;
import io.ashspring.fixtures.Photo;
import io.ashspring.fixtures.Post;
import io.ashspring.fixtures.PostTag;
import io.ashspring.fixtures.Reaction;
import io.ashspring.fixtures.Representative;
import io.ashspring.fixtures.Tag;
import io.ashspring.fixtures.Ticket;
import io.ashspring.fixtures.query.Maker;
import io.ashspring.fixtures.query.MakerProfile;
import io.ashspring.fixtures.query.Product;
import io.ashspring.query.Query;
import io.ashspring.resource.Attribute;
import io.ashspring.resource.PrimaryKey;
import io.ashspring.resource.Resource;
import io.ashspring.resource.ResourceRegistry;
import io.ashspring.resource.model.ResourceModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example table of {@code docs/queries.md} tells the truth: each row's text-syntax
 * expression, parsed and compiled, gives exactly the SQL the row shows. A table is checked when it
 * follows a marker {@code <!-- sql-examples: Resource where|from -->}: {@code where} compares the
 * text after {@code WHERE}, {@code from} the text from {@code FROM} on.
 */
class DocumentedSqlTests {

    /** A resource with a pgvector column, only rendered here (no database, so no extension needed). */
    @Resource(table = "documents")
    record Document(@PrimaryKey UUID id, String body, @Attribute(columnType = "vector(3)") String embedding) {
    }

    private static final List<Class<?>> DOCUMENTED = List.of(Representative.class, Ticket.class, Comment.class,
            Post.class, Tag.class, PostTag.class, Photo.class, Reaction.class, Maker.class, MakerProfile.class,
            Product.class, Document.class);
    private static final ResourceRegistry REGISTRY = ResourceRegistry.of(DOCUMENTED);
    private static final SqlCompiler COMPILER = new SqlCompiler(REGISTRY::resource);

    private static final Pattern MARKER = Pattern.compile("<!-- sql-examples: (\\w+) (where|from) -->");

    /** One example: the resource, what to compare, the text syntax and the SQL shown. */
    private record Example(String resource, String mode, String text, String sql, int line) {
    }

    @Test
    void everyExampleOfTheQueriesGuideRendersTheSqlItShows() throws IOException {
        List<Example> examples = examples(Path.of("..", "docs", "queries.md"));
        assertThat(examples).hasSizeGreaterThan(40);
        for (Example example : examples) {
            ResourceModel resource = REGISTRY.find(example.resource()).orElseThrow();
            String sql = COMPILER.select(resource, Query.all().filter(Expressions.parse(example.text()))
                    .argument("min", 3).argument("statuses", List.of("open"))).sql();
            String shown = example.mode().equals("where") ? sql.substring(sql.indexOf(" WHERE ") + 7)
                    : sql.substring(sql.indexOf(" FROM ") + 1);
            assertThat(shown).as("docs/queries.md line %d: %s", example.line(), example.text()).isEqualTo(example.sql());
        }
    }

    private static List<Example> examples(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Example> examples = new ArrayList<>();
        String resource = null;
        String mode = null;
        int rowsSeen = 0; // of the current table: 0 before its header, 1 after it, 2 after the separator
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            Matcher marker = MARKER.matcher(line);
            if (marker.matches()) {
                resource = marker.group(1);
                mode = marker.group(2);
                rowsSeen = 0;
            } else if (resource != null && line.startsWith("|")) {
                if (rowsSeen < 2) {
                    rowsSeen++;
                    continue;
                }
                List<String> cells = cells(line);
                String text = code(cells.get(cells.size() - 2));
                String sql = code(cells.get(cells.size() - 1));
                if (text != null && sql != null) {
                    examples.add(new Example(resource, mode, text, sql, i + 1));
                }
            } else if (resource != null && rowsSeen > 0) {
                resource = null; // the table ended
            }
        }
        return examples;
    }

    /** The cells of a table row; {@code \|} is a pipe inside a cell. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    /** The content of a cell that is one code span, or {@code null}. */
    private static String code(String cell) {
        return cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : null;
    }
}
