#!/usr/bin/python3
"""Interchange checks of issue #5 against other tools, run by ctest (tests/interchange):

  interchange_test.py readers ORDO
      Ordo's GraphML and GEXF exports opened by a third-party reader (networkx, Debian's
      python3-networkx): node and edge counts and some attributes; and a GraphML file written by
      networkx imported by `ordo import graphml`.
  interchange_test.py ftm-js ORDO WEB_DIR
      An FtM file written by FollowTheMoney's own JavaScript library (web/scripts/
      ftm-interchange.mjs) imported by `ordo import ftm`, every entity and property found again
      in `ordo export ftm`, and that export accepted by the library's model.

Every entity in the files is made up. Exits non-zero with a message on the first failure."""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))


def run(*command, cwd=None):
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stdout}{result.stderr}")
    return result.stdout


def expect(condition, message):
    if not condition:
        sys.exit("FAIL: " + message)


def readers(ordo):
    import networkx as nx

    with tempfile.TemporaryDirectory() as scratch:
        db = os.path.join(scratch, "ordo.db")
        run(ordo, "--db", db, "init")
        run(ordo, "--db", db, "import", "ftm", os.path.join(SOURCE, "tests/integration/ftm/case.ftm"),
            "--source", "made-up test case", "--case", "CASE-7")
        run(ordo, "--db", db, "import", "links", os.path.join(HERE, "calls.csv"), "--mapping",
            os.path.join(HERE, "calls.mapping.json"), "--source", "made-up call records",
            "--synthetic")
        # A GraphML file written by networkx itself: undirected, attributes of its own.
        foreign = nx.Graph()
        foreign.add_node("nx-a", label="Made-up NX A", role="courier")
        foreign.add_node("nx-b", type="organization")
        foreign.add_edge("nx-a", "nx-b", weight=2.5, start="2022-01")
        foreign.add_edge("nx-a", "nx-a")
        foreign_path = os.path.join(scratch, "foreign.graphml")
        nx.write_graphml(foreign, foreign_path)
        run(ordo, "--db", db, "import", "graphml", foreign_path, "--source", "made-up networkx graph")

        entities = links = 0
        graphml_path = os.path.join(scratch, "ordo.graphml")
        summary = run(ordo, "--db", db, "export", "graphml", "--out", graphml_path)
        # "exported N entities and M links to ..."
        words = summary.split()
        entities, links = int(words[1]), int(words[4])
        expect(entities == 12 and links == 10, f"the case, the calls and the networkx graph: {summary}")

        graph = nx.read_graphml(graphml_path)
        expect(graph.number_of_nodes() == entities,
               f"networkx read {graph.number_of_nodes()} GraphML nodes, Ordo wrote {entities}")
        expect(graph.number_of_edges() == links,
               f"networkx read {graph.number_of_edges()} GraphML edges, Ordo wrote {links}")
        p2 = graph.nodes["p2"]
        expect(p2["type"] == "person" and p2["name"] == "Бакыт Осмонов" and p2["case"] == "CASE-7",
               f"GraphML node p2: {p2}")
        expect(json.loads(p2["properties"])[0] == ["name", "Бакыт Осмонов"], f"p2 properties {p2}")
        caller = graph.nodes["+996555000101"]
        expect(caller["type"] == "phone" and caller["synthetic"] is True, f"caller {caller}")
        nx_a = graph.nodes["nx-a"]
        expect(nx_a["name"] == "Made-up NX A" and nx_a["type"] == "person"
               and json.loads(nx_a["properties"]) == [["role", "courier"]], f"nx-a {nx_a}")
        expect(graph.nodes["nx-b"]["type"] == "organization", f"nx-b {graph.nodes['nx-b']}")
        call = [d for _, _, d in graph.edges(data=True) if d.get("grade") == "C3"]
        expect(len(call) == 1 and call[0]["type"] == "associate" and call[0]["start"] == "2020"
               and call[0]["end"] == "2021-06", f"the graded link: {call}")

        gexf_path = os.path.join(scratch, "ordo.gexf")
        run(ordo, "--db", db, "export", "gexf", "--out", gexf_path)
        gexf = nx.read_gexf(gexf_path)
        expect(gexf.number_of_nodes() == entities,
               f"networkx read {gexf.number_of_nodes()} GEXF nodes, Ordo wrote {entities}")
        expect(gexf.number_of_edges() == links,
               f"networkx read {gexf.number_of_edges()} GEXF edges, Ordo wrote {links}")
        expect(gexf.nodes["p2"]["label"] == "Бакыт Осмонов" and gexf.nodes["p2"]["type"] == "person",
               f"GEXF node p2: {gexf.nodes['p2']}")
        spells = [d for _, _, d in gexf.edges(data=True) if d.get("grade") == "C3"]
        expect(len(spells) == 1 and spells[0]["start"] == "2020-01-01"
               and spells[0]["end"] == "2021-06-30" and spells[0]["start_date"] == "2020",
               f"the graded link's spell: {spells}")
        kinds = {d.get("type") for _, _, d in gexf.edges(data=True)}
        expect({"call", "holds", "associate", "unknown"} <= kinds, f"edge kinds {kinds}")
        print(f"ok: networkx read {entities} nodes and {links} edges from GraphML and GEXF")


def ftm_js(ordo, web):
    with tempfile.TemporaryDirectory() as scratch:
        written = os.path.join(scratch, "investigation.ftm")
        run("node", "scripts/ftm-interchange.mjs", "write", written, cwd=web)
        original = [json.loads(line) for line in open(written, encoding="utf-8") if line.strip()]
        db = os.path.join(scratch, "ordo.db")
        run(ordo, "--db", db, "init")
        summary = run(ordo, "--db", db, "import", "ftm", written, "--source",
                      "made-up investigation written by @alephdata/followthemoney")
        nodes = sum(1 for e in original if e["schema"] in ("Person", "Company", "Organization", "Vehicle"))
        expect(summary.startswith(f"imported {nodes} entities,"), f"import said: {summary}")
        exported = os.path.join(scratch, "export.ftm")
        run(ordo, "--db", db, "export", "ftm", "--out", exported)
        back = [json.loads(line) for line in open(exported, encoding="utf-8") if line.strip()]

        def canonical(entity):
            properties = {k: sorted(v) for k, v in entity.get("properties", {}).items() if v}
            return entity["id"], entity["schema"], json.dumps(properties, sort_keys=True, ensure_ascii=False)

        expect(sorted(map(canonical, back)) == sorted(map(canonical, original)),
               "Ordo's export differs from the file written by the library:\n"
               + "\n".join(sorted(set(map(str, map(canonical, original))) ^ set(map(str, map(canonical, back))))))
        run("node", "scripts/ftm-interchange.mjs", "check", exported, cwd=web)
        print(f"ok: {len(original)} FtM entities from the JS library imported and exported unchanged")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "readers":
        readers(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "ftm-js":
        ftm_js(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
