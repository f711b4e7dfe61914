package org.openplaza.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.openplaza.catalog.DcatCatalog;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DCAT-AP catalogue for harvesters (data.europa.eu and other portals): the whole catalogue at
 * {@code /catalog.ttl}, {@code /catalog.jsonld} and {@code /catalog.rdf}, and each published dataset
 * at {@code /dataset/{name}.ttl} (and {@code .jsonld}, {@code .rdf}). Open to everybody. The IRIs
 * are built on the configured public address ({@link PublicAddress}), never on the request's Host.
 */
@RestController
class DcatEndpoints {

    private final DcatCatalog dcat;
    private final PublicAddress address;

    DcatEndpoints(DcatCatalog dcat, PublicAddress address) {
        this.dcat = dcat;
        this.address = address;
    }

    @GetMapping("/catalog.{extension:ttl|jsonld|rdf}")
    ResponseEntity<byte[]> catalogue(@PathVariable("extension") String extension, HttpServletRequest request) {
        return serve(dcat.catalogue(base(request)), extension);
    }

    @GetMapping("/dataset/{name}.{extension:ttl|jsonld|rdf}")
    ResponseEntity<byte[]> dataset(
            @PathVariable("name") String name,
            @PathVariable("extension") String extension,
            HttpServletRequest request) {
        return dcat.dataset(base(request), name)
                .map(model -> serve(model, extension))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String base(HttpServletRequest request) {
        return address.base(request);
    }

    private static ResponseEntity<byte[]> serve(Model model, String extension) {
        Lang lang = switch (extension) {
            case "jsonld" -> Lang.JSONLD;
            case "rdf" -> Lang.RDFXML;
            default -> Lang.TURTLE;
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, lang);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(lang.getContentType().getContentTypeStr() + ";charset=UTF-8"))
                .body(out.toByteArray());
    }
}
