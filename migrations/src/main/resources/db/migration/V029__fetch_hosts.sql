-- Which servers the portal fetches files from, as administrators set it (module: data-catalog),
-- beside openplaza.fetch.* in the configuration: ALLOWED narrows fetching to the hosts listed
-- (data.gov.sg, or *.go.kr for a domain and its subdomains); INTERNAL names a host that may be
-- fetched although its addresses are inside the portal's own network (a city's intranet server).
CREATE TABLE catalog.fetch_host (
    host     VARCHAR(253) NOT NULL,
    kind     VARCHAR(8)   NOT NULL,
    added_by VARCHAR(100) NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fetch_host_pk PRIMARY KEY (host, kind),
    CONSTRAINT fetch_host_kind_ck CHECK (kind IN ('ALLOWED', 'INTERNAL'))
);
