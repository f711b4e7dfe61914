package org.openplaza.catalog;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import org.jspecify.annotations.Nullable;

/**
 * CKAN's {@code datastore_search_sql} made safe to run on the store: a query is parsed (JSqlParser),
 * must be one SELECT, may read only the tables it is given by name (published resources) and the
 * ones its own WITH defines, and may call only the functions listed here (aggregates, arithmetic,
 * text, dates, windows); no table function (DuckDB's {@code read_csv}, {@code query}…), no
 * schema-qualified name, no {@code INTO}. What runs is the parsed query written out again with each
 * resource replaced by its table in the store, never the text as sent.
 */
public final class ReadOnlySql {

    /** Functions a query may call, lower-case; nothing that reads files, settings or other tables. */
    static final Set<String> FUNCTIONS = Set.of(
            // aggregates
            "count",
            "sum",
            "avg",
            "mean",
            "min",
            "max",
            "median",
            "mode",
            "stddev",
            "stddev_samp",
            "stddev_pop",
            "variance",
            "var_samp",
            "var_pop",
            "string_agg",
            "listagg",
            "group_concat",
            "bool_and",
            "bool_or",
            "approx_count_distinct",
            "quantile_cont",
            "quantile_disc",
            "percentile_cont",
            "percentile_disc",
            "first",
            "last",
            "any_value",
            "arg_max",
            "arg_min",
            "corr",
            "covar_pop",
            "covar_samp",
            // windows
            "row_number",
            "rank",
            "dense_rank",
            "percent_rank",
            "cume_dist",
            "ntile",
            "lag",
            "lead",
            "first_value",
            "last_value",
            "nth_value",
            // numbers
            "abs",
            "round",
            "floor",
            "ceil",
            "ceiling",
            "trunc",
            "sign",
            "sqrt",
            "power",
            "pow",
            "exp",
            "ln",
            "log",
            "log10",
            "log2",
            "mod",
            "greatest",
            "least",
            // text
            "lower",
            "upper",
            "length",
            "char_length",
            "character_length",
            "substr",
            "substring",
            "trim",
            "ltrim",
            "rtrim",
            "replace",
            "concat",
            "concat_ws",
            "left",
            "right",
            "lpad",
            "rpad",
            "strpos",
            "position",
            "instr",
            "starts_with",
            "ends_with",
            "contains",
            "reverse",
            "repeat",
            "split_part",
            "regexp_matches",
            "regexp_replace",
            "regexp_extract",
            "initcap",
            "md5",
            // nulls and conditions
            "coalesce",
            "nullif",
            "ifnull",
            "if",
            // dates and times
            "date_trunc",
            "date_part",
            "datepart",
            "date_diff",
            "datediff",
            "date_add",
            "year",
            "month",
            "day",
            "week",
            "quarter",
            "dayofweek",
            "dayofyear",
            "hour",
            "minute",
            "second",
            "strftime",
            "strptime",
            "make_date",
            "to_date",
            "to_char",
            "current_date",
            "now",
            "epoch",
            "age",
            "last_day",
            "monthname",
            "dayname",
            "isodow",
            "yearweek",
            "isoyear");

    /** A query that may not run, with the reason in words for the caller. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String reason) {
            super(reason);
        }
    }

    private ReadOnlySql() {}

    /**
     * The query as it will run: parsed, checked, and written out with each table name replaced by
     * what {@code tables} gives for it (null for a name that may not be read), and limited to one
     * row more than {@code maxRows} (so that the caller can tell a result was cut).
     */
    public static String rewrite(String sql, Function<String, @Nullable String> tables, int maxRows) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException | RuntimeException e) {
            throw new Refused("The query is not SQL that can be read: " + firstLine(e));
        }
        if (statements == null || statements.size() != 1) {
            throw new Refused("Send one query, a single SELECT.");
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select select)) {
            throw new Refused("Only a SELECT may run here.");
        }
        limit(select, maxRows + 1L);
        StringBuilder buffer = new StringBuilder();
        Checked expressions = new Checked();
        Mapped selects = new Mapped(expressions, buffer, tables);
        expressions.setSelectVisitor(selects);
        expressions.setBuilder(buffer);
        select.accept((net.sf.jsqlparser.statement.select.SelectVisitor<StringBuilder>) selects, null);
        return buffer.toString();
    }

    /** No more rows than this, whatever LIMIT the query has (a smaller one stays). */
    private static void limit(Select select, long rows) {
        net.sf.jsqlparser.statement.select.Limit limit = select.getLimit();
        if (limit != null
                && limit.getRowCount() instanceof net.sf.jsqlparser.expression.LongValue count
                && count.getValue() <= rows) {
            return;
        }
        if (limit == null) {
            limit = new net.sf.jsqlparser.statement.select.Limit();
            select.setLimit(limit);
        }
        limit.setRowCount(new net.sf.jsqlparser.expression.LongValue(rows));
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String unquoted(String name) {
        String n = name.strip();
        if (n.length() >= 2 && (n.startsWith("\"") && n.endsWith("\"") || n.startsWith("`") && n.endsWith("`"))) {
            n = n.substring(1, n.length() - 1);
        }
        return n;
    }

    /** Writes expressions out, refusing any function not listed. */
    private static final class Checked extends ExpressionDeParser {

        private static void check(@Nullable String name) {
            if (name == null) {
                throw new Refused("A function without a name may not be called.");
            }
            String n = unquoted(name).toLowerCase(Locale.ROOT);
            if (!FUNCTIONS.contains(n)) {
                throw new Refused("The function " + name + " may not be called here.");
            }
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.Function function, S context) {
            if (function.getMultipartName() != null
                    && function.getMultipartName().size() > 1) {
                throw new Refused("The function " + function.getName() + " may not be called here.");
            }
            check(function.getName());
            return super.visit(function, context);
        }

        @Override
        public <S> StringBuilder visit(AnalyticExpression expression, S context) {
            check(expression.getName());
            return super.visit(expression, context);
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.NextValExpression expression, S context) {
            throw new Refused("Sequences may not be read here.");
        }
    }

    /** Writes selects out with each resource replaced by its table, refusing what may not be read. */
    private static final class Mapped extends SelectDeParser {
        private final Function<String, @Nullable String> tables;
        private final Set<String> defined = new HashSet<>();

        Mapped(Checked expressions, StringBuilder buffer, Function<String, @Nullable String> tables) {
            super(expressions, buffer);
            this.tables = tables;
        }

        @Override
        public <S> StringBuilder visit(WithItem<?> item, S context) {
            if (item.isRecursive()) {
                throw new Refused("A recursive WITH may not run here.");
            }
            defined.add(unquoted(item.getAliasName()).toLowerCase(Locale.ROOT));
            return super.visit(item, context);
        }

        @Override
        public <S> StringBuilder visit(PlainSelect select, S context) {
            if (select.getIntoTables() != null && !select.getIntoTables().isEmpty()) {
                throw new Refused("SELECT … INTO may not run here.");
            }
            return super.visit(select, context);
        }

        @Override
        public <S> StringBuilder visit(Table table, S context) {
            if (table.getSchemaName() != null || table.getDatabaseName() != null) {
                throw new Refused("The table " + table.getFullyQualifiedName() + " is not a resource of this portal.");
            }
            String name = unquoted(table.getName());
            if (defined.contains(name.toLowerCase(Locale.ROOT))) {
                return super.visit(table, context);
            }
            String source = tables.apply(name);
            if (source == null) {
                throw new Refused("The table \"" + name + "\" is not a published resource of this portal.");
            }
            StringBuilder buffer = getBuilder();
            buffer.append(source);
            if (table.getAlias() != null) {
                buffer.append(table.getAlias());
            } else {
                buffer.append(" AS \"").append(name.replace("\"", "\"\"")).append('"');
            }
            return buffer;
        }

        @Override
        public <S> StringBuilder visit(TableFunction function, S context) {
            throw new Refused("The table function " + function.getFunction().getName() + " may not be called here.");
        }
    }
}
