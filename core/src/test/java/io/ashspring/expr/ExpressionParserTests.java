package io.ashspring.expr;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ashspring.error.ExpressionSyntaxException;

import static io.ashspring.expr.DateUnit.DAY;
import static io.ashspring.expr.Expressions.ago;
import static io.ashspring.expr.Expressions.and;
import static io.ashspring.expr.Expressions.arg;
import static io.ashspring.expr.Expressions.attr;
import static io.ashspring.expr.Expressions.cast;
import static io.ashspring.expr.Expressions.concat;
import static io.ashspring.expr.Expressions.contains;
import static io.ashspring.expr.Expressions.eq;
import static io.ashspring.expr.Expressions.exists;
import static io.ashspring.expr.Expressions.fragment;
import static io.ashspring.expr.Expressions.fromNow;
import static io.ashspring.expr.Expressions.gt;
import static io.ashspring.expr.Expressions.ifThenElse;
import static io.ashspring.expr.Expressions.ilike;
import static io.ashspring.expr.Expressions.in;
import static io.ashspring.expr.Expressions.isNil;
import static io.ashspring.expr.Expressions.jsonText;
import static io.ashspring.expr.Expressions.le;
import static io.ashspring.expr.Expressions.lower;
import static io.ashspring.expr.Expressions.multiply;
import static io.ashspring.expr.Expressions.ne;
import static io.ashspring.expr.Expressions.not;
import static io.ashspring.expr.Expressions.or;
import static io.ashspring.expr.Expressions.parse;
import static io.ashspring.expr.Expressions.add;
import static io.ashspring.expr.Expressions.trigramSimilarity;
import static io.ashspring.expr.Expressions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The text syntax parses into exactly the nodes the builder makes, and errors point at the column at fault. */
class ExpressionParserTests {

    @Test
    void theIssueExampleParsesToTheSameTreeAsTheBuilder() {
        assertThat(parse("status == 'open' and priority > 3")).isEqualTo(and(eq("status", "open"), gt("priority", 3)));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        assertThat(parse("a == 1 or b == 2 and not c == 3"))
                .isEqualTo(or(eq("a", 1), and(eq("b", 2), not(eq("c", 3)))));
        assertThat(parse("(a == 1 or b == 2) and c != nil"))
                .isEqualTo(and(or(eq("a", 1), eq("b", 2)), ne("c", null)));
    }

    @Test
    void arithmeticFollowsTheUsualPrecedenceAndConcatenationIsLooserThanArithmetic() {
        assertThat(parse("stock * price > 50")).isEqualTo(gt(multiply(attr("stock"), attr("price")), 50));
        assertThat(parse("a + b * 2 <= 7")).isEqualTo(le(add(attr("a"), multiply(attr("b"), 2)), 7));
        assertThat(parse("name || '-' || status == 'x'")).isEqualTo(eq(concat(attr("name"), "-", attr("status")), "x"));
    }

    @Test
    void literalsAreStringsNumbersBooleansNilAtomsAndLists() {
        assertThat(parse("a == \"it's\"")).isEqualTo(eq("a", "it's"));
        assertThat(parse("a == 'it''s' or a == 'it\\'s'")).isEqualTo(or(eq("a", "it's"), eq("a", "it's")));
        assertThat(parse("a == 1.50")).isEqualTo(eq("a", new BigDecimal("1.50")));
        assertThat(parse("a == -3")).isEqualTo(eq("a", -3));
        assertThat(parse("a == 10000000000")).isEqualTo(eq("a", 10000000000L));
        assertThat(parse("a == true or a == FALSE")).isEqualTo(or(eq("a", true), eq("a", false)));
        assertThat(parse("a == nil")).isEqualTo(eq("a", null));
        assertThat(parse("status == :open")).isEqualTo(eq("status", "open"));
        assertThat(parse("status in ['open', :closed]")).isEqualTo(in("status", List.of("open", "closed")));
        assertThat(parse("status not in []")).isEqualTo(not(in("status", List.of())));
    }

    @Test
    void relationshipPathsArgumentsAndExists() {
        assertThat(parse("representative.name ilike '%ann%'")).isEqualTo(ilike("representative.name", "%ann%"));
        assertThat(parse("priority > ^arg(min)")).isEqualTo(gt(attr("priority"), arg("min")));
        assertThat(parse("status in ^arg(statuses)")).isEqualTo(in("status", arg("statuses")));
        assertThat(parse("exists(comments, body ilike '%refund%')")).isEqualTo(exists("comments", ilike("body", "%refund%")));
        assertThat(parse("exists(representative.tickets)")).isEqualTo(exists("representative.tickets"));
        assertThat(parse("exists(comments, author == parent(agent))"))
                .isEqualTo(exists("comments", eq(attr("author"), Expressions.parent("agent"))));
        assertThat(parse("exists(comments, votes > parent(priority * 2))"))
                .isEqualTo(exists("comments", gt(attr("votes"), Expressions.parent(multiply(attr("priority"), 2)))));
        assertThat(catchThrowableOfType(ExpressionSyntaxException.class, () -> parse("exists(comments, author == parent())"))
                .getMessage()).contains("parent takes 1 argument");
    }

    @Test
    void functionsParseToTheirNodes() {
        assertThat(parse("is_nil(representative)")).isEqualTo(isNil("representative"));
        assertThat(parse("lower(name) == 'x'")).isEqualTo(eq(lower("name"), "x"));
        assertThat(parse("ilike(name, '%x%') or like(name, 'y%')")).isEqualTo(or(ilike("name", "%x%"), Expressions.like("name", "y%")));
        assertThat(parse("string_downcase(name) == 'x'")).isEqualTo(eq(lower("name"), "x"));
        assertThat(parse("contains(subject, '100%')")).isEqualTo(contains("subject", "100%"));
        assertThat(parse("trigram_similarity(name, 'fred') > 0.8"))
                .isEqualTo(gt(trigramSimilarity("name", "fred"), new BigDecimal("0.8")));
        assertThat(parse("inserted_at > ago(3, :day)")).isEqualTo(gt(attr("inserted_at"), ago(3, DAY)));
        assertThat(parse("due < from_now(2, 'days')")).isEqualTo(Expressions.lt(attr("due"), fromNow(2, DAY)));
        assertThat(parse("cast(priority, 'text') == '3'")).isEqualTo(eq(cast("priority", CastType.TEXT), "3"));
        assertThat(parse("specs['size']['width'] == '10'")).isEqualTo(eq(jsonText("specs", "size", "width"), "10"));
        assertThat(parse("if(priority > 5, 'high', 'low') == 'high'"))
                .isEqualTo(eq(ifThenElse(gt("priority", 5), "high", "low"), "high"));
        assertThat(parse("fragment('lower(?) = ?', name, 'x')")).isEqualTo(fragment("lower(?) = ?", attr("name"), "x"));
        assertThat(parse("case(priority > 5, 'high', priority > 2, 'mid', 'low')"))
                .isEqualTo(Expressions.caseWhen(gt("priority", 5), "high").when(gt("priority", 2), "mid").otherwise("low"));
    }

    @Test
    void parseErrorsShowTheTextWithACaretUnderTheColumnAtFault() {
        ExpressionSyntaxException error = catchThrowableOfType(ExpressionSyntaxException.class,
                () -> parse("status == 'open' and )"));
        assertThat(error.column()).isEqualTo(22);
        assertThat(error.getMessage()).isEqualTo("Expected an operand but found ')' at column 22:\n"
                + "  status == 'open' and )\n"
                + "  " + " ".repeat(21) + "^");
    }

    @Test
    void commonMistakesGetMessagesThatSayWhatToWrite() {
        assertThat(syntaxError("status = 'open'")).contains("write == to compare").contains("column 8");
        assertThat(syntaxError("a <> 1")).contains("write != for \"not equal\"");
        assertThat(syntaxError("a == 1 && b == 2")).contains("write and");
        assertThat(syntaxError("a == 'open")).contains("Unterminated string").contains("column 6");
        assertThat(syntaxError("1 < a < 3")).contains("cannot be chained").contains("column 7");
        assertThat(syntaxError("shout(name)")).contains("Unknown function 'shout'").contains("lower");
        assertThat(syntaxError("ago(3, :fortnight) < x")).contains("unknown unit of time 'fortnight'").contains("column 8");
        assertThat(syntaxError("fragment('lower(?)', a, b)")).contains("1 placeholder but 2 arguments");
        assertThat(syntaxError("lower(a, b)")).contains("lower takes 1 argument but was given 2");
        assertThat(syntaxError("a == 1 b")).contains("found 'b'").contains("column 8");
        assertThat(syntaxError("")).contains("empty");
    }

    @Test
    void errorsInMultiLineTextNameTheLine() {
        ExpressionSyntaxException error = catchThrowableOfType(ExpressionSyntaxException.class,
                () -> parse("status == 'open'\n  and priority >> 3"));
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(17);
        assertThat(error.getMessage()).contains("line 2, column 17").endsWith("  and priority >> 3\n"
                + "  " + " ".repeat(16) + "^");
    }

    @Test
    void hostileTextIsEitherAStringValueOrASyntaxError() {
        assertThat(parse("subject == 'x''); DROP TABLE canary; --'"))
                .isEqualTo(eq("subject", "x'); DROP TABLE canary; --"));
        assertThat(syntaxError("subject == 'x'; DROP TABLE canary")).contains("Unexpected character ';'");
        assertThat(syntaxError("subject == 'x' /* comment */")).contains("Expected an operand but found '*'");
        assertThat(syntaxError("\"x\"\"y\" == 1 or 1 == 1) --")).contains("Expected and, or or the end");
    }

    @Test
    void fragmentsCountPlaceholdersOutsideQuotesAndComments() {
        assertThat(((Expr.Fragment) fragment("? = 'what?' -- really?\n", attr("a"))).placeholders()).containsExactly(0);
        assertThat(((Expr.Fragment) fragment("? ?? 'key'", attr("a"))).placeholders()).containsExactly(0);
        assertThat(((Expr.Fragment) fragment("$$?$$ || ?", value(1))).placeholders()).containsExactly(9);
        assertThatIllegalArgumentException().isThrownBy(() -> fragment("lower(?) = ?", attr("a")))
                .withMessageContaining("2 placeholders but 1 argument");
    }

    private static String syntaxError(String text) {
        return catchThrowableOfType(ExpressionSyntaxException.class, () -> parse(text)).getMessage();
    }
}
