package dev.graft.compiler.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The metatype a bundle declares: {@code OSGI-INF/metatype/*.xml} (what bnd writes from
 * {@code @ObjectClassDefinition} and {@code @Designate}), read with the JDK's parser with
 * document types and external entities refused.
 */
final class Metatype {

    /** One attribute definition. */
    record Attribute(String id, String type, int cardinality, boolean required, List<String> options, boolean hasDefault) {
    }

    /** The attributes of the object class a PID (or factory PID) is designated to. */
    record ObjectClass(String id, Map<String, Attribute> attributes) {
    }

    private final Map<String, ObjectClass> byPid;
    private final Map<String, ObjectClass> byFactoryPid;

    private Metatype(Map<String, ObjectClass> byPid, Map<String, ObjectClass> byFactoryPid) {
        this.byPid = byPid;
        this.byFactoryPid = byFactoryPid;
    }

    Optional<ObjectClass> of(String pid, boolean factory) {
        return Optional.ofNullable((factory ? byFactoryPid : byPid).get(pid));
    }

    /** The entries of a bundle jar that hold its metatype. */
    static boolean isMetatype(String entryName) {
        return entryName.startsWith("OSGI-INF/metatype/") && entryName.endsWith(".xml");
    }

    static Metatype of(byte[] jar) throws IOException {
        Map<String, byte[]> documents = new java.util.TreeMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (isMetatype(e.getName())) {
                    documents.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return of(documents);
    }

    /** @param documents the metatype documents of a bundle ({@code OSGI-INF/metatype/*.xml}) by entry name */
    static Metatype of(Map<String, byte[]> documents) throws IOException {
        Map<String, ObjectClass> ocds = new HashMap<>();
        List<String[]> designates = new ArrayList<>();
        try {
            for (byte[] document : documents.values()) {
                Document doc = parse(document);
                for (Element ocd : children(doc.getDocumentElement(), "OCD")) {
                    Map<String, Attribute> attributes = new java.util.LinkedHashMap<>();
                    for (Element ad : children(ocd, "AD")) {
                        List<String> options = children(ad, "Option").stream().map(o -> o.getAttribute("value")).toList();
                        String cardinality = ad.getAttribute("cardinality");
                        attributes.put(ad.getAttribute("id"), new Attribute(ad.getAttribute("id"),
                            ad.getAttribute("type").isEmpty() ? "String" : ad.getAttribute("type"),
                            cardinality.isEmpty() ? 0 : Integer.parseInt(cardinality),
                            !"false".equals(ad.getAttribute("required")), options, ad.hasAttribute("default")));
                    }
                    ocds.put(ocd.getAttribute("id"), new ObjectClass(ocd.getAttribute("id"), attributes));
                }
                for (Element d : children(doc.getDocumentElement(), "Designate")) {
                    for (Element o : children(d, "Object")) {
                        designates.add(new String[] {d.getAttribute("pid"), d.getAttribute("factoryPid"), o.getAttribute("ocdref")});
                    }
                }
            }
        } catch (SAXException | ParserConfigurationException | NumberFormatException e) {
            throw new IOException("the bundle's metatype cannot be read: " + e.getMessage(), e);
        }
        Map<String, ObjectClass> byPid = new HashMap<>();
        Map<String, ObjectClass> byFactoryPid = new HashMap<>();
        for (String[] d : designates) {
            ObjectClass ocd = ocds.get(d[2]);
            if (ocd == null) {
                continue;
            }
            if (!d[1].isEmpty()) {
                byFactoryPid.put(d[1], ocd);
            } else if (!d[0].isEmpty()) {
                byPid.put(d[0], ocd);
            }
        }
        return new Metatype(byPid, byFactoryPid);
    }

    private static Document parse(byte[] xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return b.parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(e.getLocalName() != null ? e.getLocalName() : e.getNodeName())) {
                found.add(e);
            }
        }
        return found;
    }
}
