package org.openplaza.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actions of the CKAN API the portal answers and the help each one gives: the text
 * {@code help_show} returns, which every answer's {@code help} points to.
 */
final class CkanHelp {

    private CkanHelp() {}

    private static final Map<String, String> READ = new LinkedHashMap<>();
    private static final Map<String, String> WRITE = new LinkedHashMap<>();

    static {
        READ.put("status_show", "Return the portal's name, CKAN version and extensions.");
        READ.put(
                "package_list",
                "Return the names of the published datasets.\n\n:param limit: at most 1000\n"
                        + ":param offset: where the list starts");
        READ.put(
                "package_show",
                "Return a published dataset with its resources.\n\n:param id: the dataset's id or name");
        READ.put(
                "package_search",
                "Search the published datasets.\n\n:param q: the words; title:, notes:, tags: before a word or"
                        + " quoted words look in that field only\n"
                        + ":param fq: filters such as organization:name, tags:word, groups:envi, res_format:CSV,"
                        + " license_id:id; a filter written -field:value excludes\n"
                        + ":param sort: score desc, metadata_modified desc, metadata_created desc, views_recent desc,"
                        + " title_string asc, name asc\n"
                        + ":param fl: the fields of each result, e.g. name,title\n"
                        + ":param rows: at most 1000\n:param start: the first result\n"
                        + ":param facet.field: a JSON list of fields to count\n:param facet.limit: values per field\n"
                        + ":param facet.mincount: the least count a facet value is shown with");
        READ.put("organization_list", "Return the organisations' names.\n\n:param all_fields: whole dictionaries");
        READ.put(
                "organization_show",
                "Return an organisation.\n\n:param id: its id or name\n"
                        + ":param include_datasets: with its published datasets");
        READ.put("organization_list_for_user", "Return the organisations the caller (by API token) may publish for.");
        READ.put("group_list", "Return the groups: the EU data themes.\n\n:param all_fields: whole dictionaries");
        READ.put(
                "group_show",
                "Return a group (an EU data theme).\n\n:param id: its code or name, e.g. envi\n"
                        + ":param include_datasets: with its published datasets");
        READ.put("tag_list", "Return the keywords of the published datasets.");
        READ.put(
                "tag_show",
                "Return a keyword of the published datasets.\n\n:param id: the keyword\n:param include_datasets:"
                        + " with its datasets");
        READ.put("license_list", "Return the licences a dataset may have.");
        READ.put("resource_show", "Return a resource (a version of a published dataset).\n\n:param id: its id");
        READ.put(
                "datastore_search",
                "Search a resource's rows.\n\n:param resource_id: the resource\n"
                        + ":param filters: a JSON object of field: value or list of values\n"
                        + ":param q: words, or a JSON object of field: words\n:param sort: field asc|desc, ...\n"
                        + ":param fields: the fields to return, _id (the row's number) among them\n"
                        + ":param distinct: each row of the fields once\n"
                        + ":param records_format: objects, lists, csv or tsv\n"
                        + ":param limit: at most 32000\n:param offset: the first row\n"
                        + ":param include_total: count every row");
        READ.put(
                "datastore_info",
                "Return a resource's fields, their types and labels, and its row count.\n\n"
                        + ":param id: the resource");
        READ.put(
                "datastore_search_sql",
                "Run one read-only SELECT over published resources, each table named by its resource id"
                        + " (SELECT * FROM \"42\"). Only listed functions; at most 32000 rows"
                        + " (records_truncated says when more were selected); stopped after 10 s.\n\n"
                        + ":param sql: the query");
        READ.put(
                "package_activity_list",
                "Return what happened to a dataset, newest first: new package, changed package, deleted"
                        + " package, with when and by whom.\n\n:param id: the dataset's id or name\n"
                        + ":param offset: activities to skip\n:param limit: at most 100");
        READ.put("help_show", "Return an action's help.\n\n:param name: the action");
        WRITE.put(
                "package_create",
                "Create a draft dataset (officials, with an API token).\n\n:param name: its address, 2 to 100"
                        + " of a-z 0-9 - _\n:param owner_org: the organisation");
        WRITE.put(
                "package_patch",
                "Change some of a dataset's fields; state active publishes it, deleted" + " withdraws it.");
        WRITE.put(
                "package_update",
                "Replace a dataset's metadata: fields left out are emptied, except owner_org; the"
                        + " resources stay. groups are the themes; frequency, temporal_start, temporal_end,"
                        + " spatial as DCAT-AP has them.");
        WRITE.put(
                "package_revise",
                "Change a dataset if it still matches.\n\n:param match: id or name, and fields that must"
                        + " have these values\n:param update: the fields to change, as package_patch\n"
                        + ":param include: the fields of the answer's package");
        WRITE.put("package_delete", "Withdraw a dataset.");
        WRITE.put(
                "resource_update",
                "Import a CSV file as the next version of the resource's dataset (multipart, fields id and"
                        + " upload); the answer is the new resource.");
        WRITE.put(
                "resource_create",
                "Import a CSV file as the dataset's next version: uploaded (multipart, field upload), or"
                        + " fetched from its url (JSON or form) where the portal's rules allow the address.");
        WRITE.put(
                "datastore_create",
                "Make a live resource whose records are pushed, as the package's next version, or insert"
                        + " records into one.\n\n:param resource: {package_id, name} for a new resource\n"
                        + ":param resource_id: a live resource, instead (one whose table was deleted takes new"
                        + " fields)\n:param fields: [{id, type, info: {label}}];"
                        + " types text, int, numeric, bool, date, timestamp\n:param primary_key: field ids\n"
                        + ":param records: the first records, all or none");
        WRITE.put(
                "datastore_upsert",
                "Write records to a live resource, all or none.\n\n:param resource_id: the resource\n"
                        + ":param records: objects by field id\n:param method: upsert (default), insert or update;"
                        + " upsert and update find rows by the primary key");
        WRITE.put(
                "datastore_delete",
                "Delete a live resource's records, or its table.\n\n:param resource_id: the resource\n"
                        + ":param filters: {field: value or [values]}, all must match; {} deletes every record;"
                        + " without filters the table itself is deleted, until datastore_create makes it again");
        WRITE.put(
                "resource_delete",
                "Delete a resource (a version): its rows and file are removed and the newest version left"
                        + " becomes current. A published dataset keeps at least one.\n\n:param id: the resource");
    }

    static final List<String> READ_ACTIONS = List.copyOf(READ.keySet());

    static {
        if (!new java.util.HashSet<>(READ_ACTIONS).equals(java.util.Set.of(CkanReadApi.ACTIONS.split("\\|")))) {
            throw new IllegalStateException("every read action needs its help, and every help its action");
        }
    }

    static final List<String> WRITE_ACTIONS = List.copyOf(WRITE.keySet());

    /** The help of an action the portal answers. */
    static String help(String action) {
        String text = READ.containsKey(action) ? READ.get(action) : WRITE.get(action);
        if (text == null) {
            throw CkanError.notFound("Action function");
        }
        return text;
    }
}
