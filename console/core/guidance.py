"""Scripted remote guidance: the script model, its loader, validator and runner.

A script set is a folder of YAML files: one protocol per file (a fixed case
entry with the safety gate, then one protocol per chief complaint) and a
response table, ``responses.yaml``, that maps each determinant code to what is
sent: nothing (fixed by phone) or a service type, the equipment it needs and a
priority. Every text carries both ``zh`` and ``en``.

Nodes are questions (yes/no, choice, number), instructions with a check-point,
safety warnings and outcomes. A node may apply only under a condition on the
vehicle (``powertrain``, ``vehicle_class``, ``awd``, ``road_type``) or on an
earlier answer; when it does not apply the run goes to its ``otherwise`` node.
An answer leads to a node of the same protocol or, as ``@protocol``, to the
entry of another. Every node can be escalated to a dispatcher: the run then
ends with the node's (or the protocol's) escalation code.

:func:`load_library` never raises for a bad script set: it returns every
problem found, each with its file and node, and no library.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from console.core.capability import CapabilityRules, VehicleFacts
from console.core.errors import DomainError
from console.core.inputs import DocumentError, parse_yaml, read_text
from console.core.vocab import (
    CallerLanguage,
    Powertrain,
    Priority,
    RoadType,
    ServiceType,
    VehicleClass,
    VehicleKind,
)
from console.paths import resource_path

__all__ = [
    "ESCALATE",
    "FACT_FIELDS",
    "INTAKE",
    "KNOWN_SOURCES",
    "Answer",
    "Condition",
    "GuidanceLibrary",
    "GuidanceResult",
    "GuidanceRun",
    "Issue",
    "Node",
    "Protocol",
    "ProtocolFixRate",
    "Response",
    "Step",
    "Text",
    "default_directory",
    "load_library",
    "more_urgent",
    "parse_step",
    "remote_fix_rates",
    "replay",
]

RESPONSES_FILE = "responses.yaml"
"""The response table's file name inside a script folder."""
ESCALATE = "ESCALATE"
"""The answer recorded when a step is escalated to a dispatcher."""
INTAKE = "intake"
"""Source of an answer the caller already gave in the intake form."""
KNOWN_SOURCES = frozenset({INTAKE})
"""Where a step may have been answered other than live in the script.

Such a step is recorded as ``protocol.node=answer@source``: it is a real
step of the path (a replay takes it like any other) that says who answered it.
"""
LANGUAGES = ("zh", "en")
NODE_TYPES = frozenset({"question", "instruction", "warning", "outcome"})
QUESTION_KINDS = frozenset({"yes_no", "choice", "number"})
FACT_FIELDS: dict[str, type[Any]] = {
    "powertrain": Powertrain,
    "vehicle_class": VehicleClass,
    "awd": bool,
    "road_type": RoadType,
}
"""Vehicle and location facts a condition may test and an answer may set."""
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,23}$")
"""Protocol, node and answer ids: short, so a recorded step fits in 64 characters."""
STEP_PATTERN = re.compile(r"^([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)=(.+)$")
"""A recorded step: ``protocol.node=answer`` (the answer may carry ``:number`` and ``@source``)."""
BUILT_IN_ANSWERS: dict[str, tuple[str, str]] = {
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "ok": ("已告知，继续", "Done, continue"),
}
"""Answer ids whose text a script may leave out (zh, en)."""

PRIORITY_RANK = {Priority.P1: 1, Priority.P2: 2, Priority.P3: 3}


def default_directory() -> Path:
    """The script set shipped in resources/guidance."""
    return resource_path("guidance")


# ----------------------------------------------------------------------- model


@dataclass(frozen=True, slots=True)
class Text:
    """One text in both languages."""

    zh: str
    en: str

    def in_language(self, language: str) -> str:
        """The text in ``language`` ("zh" or "en")."""
        return self.zh if language == CallerLanguage.ZH.value else self.en


@dataclass(frozen=True, slots=True)
class Condition:
    """When a node applies: vehicle facts and earlier answers that must all hold."""

    facts: Mapping[str, frozenset[str] | bool]
    answered: Mapping[str, frozenset[str]]

    def holds(self, facts: Mapping[str, str | bool], answers: Mapping[str, str]) -> bool:
        """True when every fact and every earlier answer matches."""
        for name, expected in self.facts.items():
            value = facts.get(name)
            if isinstance(expected, bool):
                if value is not expected:
                    return False
            elif str(value) not in expected:
                return False
        return all(answers.get(node) in ids for node, ids in self.answered.items())


@dataclass(frozen=True, slots=True)
class Answer:
    """One way out of a node: an answer button (or a number band) and where it leads."""

    id: str
    text: Text
    next: str
    low: float | None = None
    high: float | None = None
    sets: Mapping[str, str | bool] = field(default_factory=dict)
    priority: Priority | None = None

    def takes(self, value: float) -> bool:
        """For number questions: ``low <= value < high`` (an open side always holds)."""
        return (self.low is None or value >= self.low) and (self.high is None or value < self.high)


@dataclass(frozen=True, slots=True)
class Node:
    """One step of a protocol."""

    id: str
    type: str
    text: Text
    kind: str = ""
    check: Text | None = None
    answers: tuple[Answer, ...] = ()
    when: Condition | None = None
    otherwise: str | None = None
    code: str | None = None
    escalate: str | None = None
    priority: Priority | None = None

    def answer(self, answer_id: str) -> Answer | None:
        """The answer called ``answer_id``, if this node has one."""
        return next((a for a in self.answers if a.id == answer_id), None)


@dataclass(frozen=True, slots=True)
class Protocol:
    """One protocol (one file): a chief complaint, or the case entry."""

    id: str
    version: int
    title: Text
    entry: str
    escalate: str
    nodes: Mapping[str, Node]
    source: str
    case_entry: bool = False


@dataclass(frozen=True, slots=True)
class Response:
    """What one determinant code sends: nothing (fixed by phone) or a crew."""

    code: str
    resolved: bool
    service: ServiceType
    equipment: frozenset[VehicleKind]
    priority: Priority
    label: Text


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in a script set, with the file and node it is in."""

    file: str
    node: str
    kind: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.node}" if self.node else self.file
        return f"{where}: {self.kind}: {self.message}"


@dataclass(frozen=True, slots=True)
class GuidanceLibrary:
    """A validated script set."""

    protocols: Mapping[str, Protocol]
    responses: Mapping[str, Response]
    entry: str
    directory: str

    def node(self, protocol: str, node: str) -> Node:
        """One node by protocol and node id."""
        return self.protocols[protocol].nodes[node]

    def step_text(self, step: str, language: str) -> tuple[str, str] | None:
        """A recorded step ("protocol.node=answer") as (question, answer) texts, if known."""
        match = re.fullmatch(r"([a-z0-9_]+)\.([a-z0-9_]+)=(.+)", step)
        if match is None:
            return None
        protocol, node_id, answer_id = match.groups()
        node = self.protocols.get(protocol, None)
        found = node.nodes.get(node_id) if node else None
        if found is None:
            return None
        question = (found.check or found.text).in_language(language)
        answer_id = answer_id.partition("@")[0]
        answer_id, _, number = answer_id.partition(":")
        answer = found.answer(answer_id)
        if answer is None:
            return question, answer_id
        text = answer.text.in_language(language)
        return question, f"{text} ({number})" if number else text


# ---------------------------------------------------------------------- loading


class _Reader:
    """Turns one parsed file into a Protocol, collecting issues instead of raising."""

    def __init__(self, source: str, issues: list[Issue]) -> None:
        self.source = source
        self.issues = issues

    def issue(self, node: str, kind: str, message: str) -> None:
        self.issues.append(Issue(self.source, node, kind, message))

    def text(self, node: str, where: str, raw: Any) -> Text:
        if not isinstance(raw, Mapping):
            self.issue(node, "missing translation", f"{where} must have zh and en texts")
            return Text("", "")
        values: dict[str, str] = {}
        for language in LANGUAGES:
            value = raw.get(language)
            if not isinstance(value, str) or not value.strip():
                self.issue(node, "missing translation", f"{where} has no {language} text")
                values[language] = ""
            else:
                values[language] = value.strip()
        return Text(values["zh"], values["en"])

    def priority(self, node: str, raw: Any) -> Priority | None:
        if raw is None:
            return None
        try:
            return Priority(str(raw))
        except ValueError:
            self.issue(node, "unknown code", f"unknown priority {raw!r}")
            return None

    def condition(self, node: str, raw: Any) -> Condition | None:
        if raw is None:
            return None
        if not isinstance(raw, Mapping):
            self.issue(node, "format", "when must be a mapping")
            return None
        facts: dict[str, frozenset[str] | bool] = {}
        answered: dict[str, frozenset[str]] = {}
        for name, expected in raw.items():
            if name == "answer":
                if not isinstance(expected, Mapping):
                    self.issue(node, "format", "when.answer must map node ids to answer ids")
                    continue
                for ref, ids in expected.items():
                    answered[str(ref)] = frozenset(str(i) for i in _as_list(ids))
                continue
            kind = FACT_FIELDS.get(str(name))
            if kind is None:
                self.issue(node, "unknown reference", f"condition tests unknown fact {name!r}")
            elif kind is bool:
                if not isinstance(expected, bool):
                    self.issue(node, "format", f"condition {name} must be true or false")
                else:
                    facts[str(name)] = expected
            else:
                values = _as_list(expected)
                bad = [v for v in values if str(v) not in {m.value for m in kind}]
                if bad or not values:
                    self.issue(node, "unknown code", f"condition {name} has unknown value {bad!r}")
                facts[str(name)] = frozenset(str(v) for v in values)
        return Condition(facts, answered)

    def sets(self, node: str, raw: Any) -> dict[str, str | bool]:
        if raw is None:
            return {}
        if not isinstance(raw, Mapping):
            self.issue(node, "format", "sets must be a mapping")
            return {}
        result: dict[str, str | bool] = {}
        for name, value in raw.items():
            kind = FACT_FIELDS.get(str(name))
            if kind is None:
                self.issue(node, "unknown reference", f"answer sets unknown fact {name!r}")
            elif kind is bool:
                if isinstance(value, bool):
                    result[str(name)] = value
                else:
                    self.issue(node, "format", f"{name} must be true or false")
            elif str(value) in {m.value for m in kind}:
                result[str(name)] = str(value)
            else:
                self.issue(node, "unknown code", f"answer sets {name} to unknown {value!r}")
        return result

    def answer(self, node: str, index: int, raw: Any, kind: str) -> Answer | None:
        where = f"answer {index + 1}"
        if not isinstance(raw, Mapping):
            self.issue(node, "format", f"{where} must be a mapping")
            return None
        answer_id = str(raw.get("id", ""))
        if not ID_PATTERN.match(answer_id):
            self.issue(node, "format", f"{where} needs an id (a-z, 0-9, _)")
        if "text" in raw or answer_id not in BUILT_IN_ANSWERS:
            text = self.text(node, f"answer {answer_id or index + 1}", raw.get("text"))
        else:
            text = Text(*BUILT_IN_ANSWERS[answer_id])
        target = raw.get("next")
        if not isinstance(target, str) or not target:
            self.issue(node, "dead end", f"answer {answer_id or index + 1} leads nowhere")
            target = ""
        low, high = _number(raw.get("min")), _number(raw.get("max"))
        if kind == "number" and low is None and high is None:
            self.issue(node, "format", f"answer {answer_id} of a number question needs min or max")
        return Answer(
            id=answer_id,
            text=text,
            next=target,
            low=low,
            high=high,
            sets=self.sets(node, raw.get("sets")),
            priority=self.priority(node, raw.get("priority")),
        )

    def node(self, raw: Any, index: int) -> Node | None:
        if not isinstance(raw, Mapping):
            self.issue(f"node {index + 1}", "format", "a node must be a mapping")
            return None
        node_id = str(raw.get("id", ""))
        if not ID_PATTERN.match(node_id):
            self.issue(f"node {index + 1}", "format", "a node needs an id (a-z, 0-9, _)")
            node_id = node_id or f"node {index + 1}"
        node_type = str(raw.get("type", ""))
        if node_type not in NODE_TYPES:
            self.issue(node_id, "format", f"unknown node type {node_type!r}")
            return None
        kind = str(raw.get("kind", "choice" if node_type == "question" else ""))
        if node_type == "question" and kind not in QUESTION_KINDS:
            self.issue(node_id, "format", f"unknown question kind {kind!r}")
        answers: list[Answer] = []
        if node_type != "outcome":
            for i, item in enumerate(_as_list(raw.get("answers"))):
                answer = self.answer(node_id, i, item, kind)
                if answer is not None:
                    answers.append(answer)
            ids = [a.id for a in answers]
            if len(set(ids)) != len(ids):
                self.issue(node_id, "format", "two answers share an id")
            if not answers:
                self.issue(node_id, "dead end", "the node has no answer leading on")
            if kind == "yes_no" and sorted(ids) != ["no", "yes"]:
                self.issue(
                    node_id, "format", "a yes/no question needs exactly the answers yes and no"
                )
        code = raw.get("code")
        if node_type == "outcome" and not isinstance(code, str):
            self.issue(node_id, "dead end", "an outcome needs a determinant code")
        when = self.condition(node_id, raw.get("when"))
        otherwise = raw.get("otherwise")
        if when is not None and not isinstance(otherwise, str):
            self.issue(node_id, "dead end", "a node with a condition needs an otherwise node")
        return Node(
            id=node_id,
            type=node_type,
            text=self.text(node_id, "text", raw.get("text")),
            kind=kind,
            check=self.text(node_id, "check", raw["check"]) if "check" in raw else None,
            answers=tuple(answers),
            when=when,
            otherwise=otherwise if isinstance(otherwise, str) else None,
            code=code if isinstance(code, str) else None,
            escalate=str(raw["escalate"]) if "escalate" in raw else None,
            priority=self.priority(node_id, raw.get("priority")),
        )

    def protocol(self, document: Any) -> Protocol | None:
        if not isinstance(document, Mapping):
            self.issue("", "format", "a protocol file must be a mapping")
            return None
        protocol_id = str(document.get("protocol", ""))
        if not ID_PATTERN.match(protocol_id):
            self.issue("", "format", "protocol needs an id (a-z, 0-9, _)")
        version = document.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.issue("", "format", "version must be a whole number from 1")
            version = 0
        nodes: dict[str, Node] = {}
        raw_nodes = document.get("nodes")
        if not isinstance(raw_nodes, list) or not raw_nodes:
            self.issue("", "format", "nodes must be a non-empty list")
            raw_nodes = []
        for i, raw in enumerate(raw_nodes):
            node = self.node(raw, i)
            if node is None:
                continue
            if node.id in nodes:
                self.issue(node.id, "format", "node id used twice")
            nodes[node.id] = node
        entry = str(document.get("entry", ""))
        if entry not in nodes:
            self.issue("", "unknown reference", f"entry {entry!r} is not a node of this protocol")
        escalate = document.get("escalate")
        if not isinstance(escalate, str):
            self.issue("", "format", "escalate (the code for escalate to dispatch) is required")
            escalate = ""
        return Protocol(
            id=protocol_id,
            version=int(version),
            title=self.text("", "title", document.get("title")),
            entry=entry,
            escalate=escalate,
            nodes=nodes,
            source=self.source,
            case_entry=document.get("case_entry") is True,
        )


def _as_list(raw: Any) -> list[Any]:
    if raw is None:
        return []
    return list(raw) if isinstance(raw, list) else [raw]


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
        return None
    return float(raw)


GUIDANCE_LIMIT = 2_000_000
"""Bytes a guidance file may hold: the largest shipped one is under 20 KB."""


def _parse(path: Path, issues: list[Issue]) -> Any:
    try:
        return parse_yaml(read_text(path, limit=GUIDANCE_LIMIT))
    except DomainError as exc:
        issues.append(Issue(path.name, "", "file", exc.english()))
    except DocumentError as exc:
        issues.append(Issue(path.name, "", "YAML size", str(exc)))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        issues.append(Issue(path.name, where, "YAML syntax", str(exc.problem or exc)))
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        issues.append(Issue(path.name, "", "YAML syntax", str(exc).splitlines()[0]))
    return None


def _responses(document: Any, source: str, issues: list[Issue]) -> dict[str, Response]:
    reader = _Reader(source, issues)
    table = document.get("responses") if isinstance(document, Mapping) else None
    if not isinstance(table, Mapping) or not table:
        reader.issue("", "format", "responses must map determinant codes to responses")
        return {}
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        reader.issue("", "format", "version must be a whole number from 1")
    rules = CapabilityRules.default()
    result: dict[str, Response] = {}
    for key, raw in table.items():
        code = str(key)
        if not isinstance(raw, Mapping):
            reader.issue(code, "format", "a response must be a mapping")
            continue
        outcome = raw.get("outcome")
        if outcome not in ("resolved", "queue"):
            reader.issue(
                code, "unknown code", f"outcome must be resolved or queue, not {outcome!r}"
            )
        try:
            service = ServiceType(str(raw.get("service")))
        except ValueError:
            reader.issue(code, "unknown code", f"unknown service type {raw.get('service')!r}")
            continue
        equipment: set[VehicleKind] = set()
        for kind in _as_list(raw.get("equipment")):
            try:
                equipment.add(VehicleKind(str(kind)))
            except ValueError:
                reader.issue(code, "unknown code", f"unknown equipment {kind!r}")
        priority = reader.priority(code, raw.get("priority")) or Priority.P2
        if "priority" not in raw:
            reader.issue(code, "format", "priority is required")
        resolved = outcome == "resolved"
        if resolved and service is not ServiceType.REMOTE_GUIDANCE:
            reader.issue(code, "format", "a phone fix must have service REMOTE_GUIDANCE")
        if not resolved and service is ServiceType.REMOTE_GUIDANCE:
            reader.issue(code, "format", "a queued outcome needs a service a crew performs")
        if equipment and not resolved:
            facts = VehicleFacts(
                service, Powertrain.ICE, VehicleClass.CAR, False, CallerLanguage.ZH
            )
            if not rules.needs(facts).kinds & equipment:
                reader.issue(code, "format", f"no {service.value} crew drives {sorted(equipment)}")
        result[code] = Response(
            code=code,
            resolved=resolved,
            service=service,
            equipment=frozenset(equipment),
            priority=priority,
            label=reader.text(code, "label", raw.get("label")),
        )
    return result


def load_library(directory: Path | None = None) -> tuple[GuidanceLibrary | None, list[Issue]]:
    """Read and validate a script set; the library only when there is no issue at all."""
    folder = directory or default_directory()
    issues: list[Issue] = []
    if not folder.is_dir():
        return None, [Issue(str(folder), "", "missing", "not a folder of guidance scripts")]
    responses_path = folder / RESPONSES_FILE
    responses: dict[str, Response] = {}
    if not responses_path.is_file():
        issues.append(Issue(RESPONSES_FILE, "", "missing", "the response table is missing"))
    else:
        document = _parse(responses_path, issues)
        if document is not None:
            responses = _responses(document, RESPONSES_FILE, issues)
    protocols: dict[str, Protocol] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == RESPONSES_FILE:
            continue
        document = _parse(path, issues)
        if document is None:
            continue
        protocol = _Reader(path.name, issues).protocol(document)
        if protocol is None:
            continue
        if protocol.id in protocols:
            issues.append(
                Issue(path.name, "", "format", f"protocol {protocol.id!r} is defined twice")
            )
        protocols[protocol.id] = protocol
    entries = [p for p in protocols.values() if p.case_entry]
    if len(entries) != 1:
        issues.append(
            Issue(
                folder.name,
                "",
                "format",
                f"exactly one case_entry protocol needed, found {len(entries)}",
            )
        )
    entry = entries[0].id if entries else ""
    issues.extend(_check_graph(protocols, responses, entry))
    if issues:
        return None, issues
    return GuidanceLibrary(protocols, responses, entry, str(folder)), []


# ------------------------------------------------------------------- graph checks

Place = tuple[str, str]
"""(protocol id, node id)."""


def _resolve(protocols: Mapping[str, Protocol], here: str, target: str) -> Place | None:
    if target.startswith("@"):
        other = protocols.get(target[1:])
        return (other.id, other.entry) if other and other.entry in other.nodes else None
    return (here, target) if target in protocols[here].nodes else None


def _exits(node: Node) -> Iterator[tuple[str, str]]:
    """(label, target) of every edge out of ``node``."""
    for answer in node.answers:
        yield f"answer {answer.id}", answer.next
    if node.otherwise is not None:
        yield "otherwise", node.otherwise


def _check_graph(
    protocols: Mapping[str, Protocol], responses: Mapping[str, Response], entry: str
) -> list[Issue]:
    issues: list[Issue] = []
    edges: dict[Place, list[Place]] = {}
    for protocol in protocols.values():
        codes = [("", protocol.escalate)]
        for node in protocol.nodes.values():
            place = (protocol.id, node.id)
            edges[place] = []
            for label, target in _exits(node):
                if not target:
                    continue
                resolved = _resolve(protocols, protocol.id, target)
                if resolved is None:
                    issues.append(
                        Issue(
                            protocol.source,
                            node.id,
                            "unknown reference",
                            f"{label} leads to unknown {target!r}",
                        )
                    )
                else:
                    edges[place].append(resolved)
            if node.code is not None:
                codes.append((node.id, node.code))
            if node.escalate is not None:
                codes.append((node.id, node.escalate))
            for ref in node.when.answered if node.when else ():
                if ref not in protocol.nodes:
                    issues.append(
                        Issue(
                            protocol.source,
                            node.id,
                            "unknown reference",
                            f"condition on unknown node {ref!r}",
                        )
                    )
                else:
                    known = {a.id for a in protocol.nodes[ref].answers}
                    unknown = sorted(node.when.answered[ref] - known) if node.when else []
                    if unknown:
                        issues.append(
                            Issue(
                                protocol.source,
                                node.id,
                                "unknown reference",
                                f"condition on unknown answer(s) {unknown} of {ref!r}",
                            )
                        )
        for where, code in codes:
            if code and code not in responses:
                issues.append(
                    Issue(
                        protocol.source,
                        where,
                        "unknown code",
                        f"determinant code {code!r} is not in the response table",
                    )
                )
    # Reachability from the case entry, across protocol jumps.
    reached: set[Place] = set()
    if entry and entry in protocols and protocols[entry].entry in protocols[entry].nodes:
        stack = [(entry, protocols[entry].entry)]
        while stack:
            place = stack.pop()
            if place in reached:
                continue
            reached.add(place)
            stack.extend(edges.get(place, ()))
        for protocol in protocols.values():
            for node_id in protocol.nodes:
                if (protocol.id, node_id) not in reached:
                    issues.append(
                        Issue(
                            protocol.source,
                            node_id,
                            "unreachable",
                            "no path from the case entry reaches this node",
                        )
                    )
    issues.extend(_cycles(protocols, edges))
    return issues


def _cycles(protocols: Mapping[str, Protocol], edges: Mapping[Place, list[Place]]) -> list[Issue]:
    """One issue per loop found (a guided call must always move towards an outcome)."""
    issues: list[Issue] = []
    state: dict[Place, int] = {}  # 1 on the stack, 2 done
    for start in edges:
        if start in state:
            continue
        stack: list[tuple[Place, Iterator[Place]]] = [(start, iter(edges[start]))]
        trail = [start]
        state[start] = 1
        while stack:
            place, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[place] = 2
                stack.pop()
                trail.pop()
            elif state.get(child) == 1:
                loop = [*trail[trail.index(child) :], child]
                names = " -> ".join(f"{p}.{n}" for p, n in loop)
                issues.append(Issue(protocols[place[0]].source, place[1], "cycle", names))
            elif child not in state:
                state[child] = 1
                trail.append(child)
                stack.append((child, iter(edges.get(child, ()))))
    return issues


# ----------------------------------------------------------------------- running


@dataclass(frozen=True, slots=True)
class Step:
    """One answered node of a run."""

    protocol: str
    node: str
    answer: str
    source: str = ""
    """Where the answer came from when not given live ("intake"), else ""."""

    def code(self) -> str:
        """The recorded form: ``protocol.node=answer`` (``...=answer@source`` if known before)."""
        suffix = f"@{self.source}" if self.source else ""
        return f"{self.protocol}.{self.node}={self.answer}{suffix}"


def parse_step(text: str) -> Step | None:
    """A recorded step back as a :class:`Step`, or None when it is not one."""
    match = STEP_PATTERN.match(text)
    if match is None:
        return None
    protocol, node, answer = match.groups()
    answer, _, source = answer.partition("@")
    return Step(protocol, node, answer, source)


@dataclass(frozen=True, slots=True)
class GuidanceResult:
    """How a guided call ended: the code, its response and the path that led there."""

    protocol: str
    version: int
    code: str
    response: Response
    priority: Priority
    escalated: bool
    steps: tuple[Step, ...]
    facts: Mapping[str, str | bool]

    def path(self) -> tuple[str, ...]:
        """Every step as ``protocol.node=answer``."""
        return tuple(step.code() for step in self.steps)


@dataclass(frozen=True, slots=True)
class _State:
    place: Place
    steps: tuple[Step, ...]
    facts: Mapping[str, str | bool]
    raised: Priority | None
    complaint: str


class GuidanceRun:
    """One guided call: the current node, the answers so far, back, escalate, outcome.

    ``facts`` are what is known of the vehicle and place (``powertrain``,
    ``vehicle_class``, ``awd``, ``road_type``); answers may add to them.
    Nodes whose condition does not hold are passed over silently.

    ``known`` holds questions the caller has already answered elsewhere
    (``{"case_entry.injuries": "no"}``): when the run reaches one of them it
    is not asked again but taken at once and recorded with ``source``, so
    the path still says what was answered and by whom. Warnings and
    instructions are never taken for the dispatcher: they are read out.
    """

    def __init__(
        self,
        library: GuidanceLibrary,
        facts: Mapping[str, str | bool],
        *,
        protocol: str | None = None,
        known: Mapping[str, str] | None = None,
        source: str = INTAKE,
    ) -> None:
        if known and source not in KNOWN_SOURCES:
            raise ValueError(f"unknown answer source {source!r}")
        self.library = library
        self._known = dict(known or {})
        self._source = source
        start = protocol or library.entry
        first = library.protocols[start]
        self._history: list[_State] = []
        self._state = self._settle(_State((first.id, first.entry), (), dict(facts), None, first.id))
        self._result: GuidanceResult | None = None
        self._check_outcome()

    # -- reading ----------------------------------------------------------------

    @property
    def protocol(self) -> Protocol:
        """The protocol of the current node."""
        return self.library.protocols[self._state.place[0]]

    @property
    def node(self) -> Node:
        """The node to read to the caller now."""
        return self.library.node(*self._state.place)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The answers so far, in order."""
        return self._state.steps

    @property
    def facts(self) -> Mapping[str, str | bool]:
        """What is known of the vehicle now."""
        return self._state.facts

    @property
    def result(self) -> GuidanceResult | None:
        """The outcome once the run has ended."""
        return self._result

    @property
    def finished(self) -> bool:
        """True when an outcome was reached."""
        return self._result is not None

    @property
    def can_go_back(self) -> bool:
        """True when there is an answer to take back."""
        return bool(self._history)

    # -- moving -----------------------------------------------------------------

    def answer(self, answer_id: str, *, source: str = "") -> None:
        """Take answer ``answer_id`` of the current node.

        ``source`` says the caller gave it before the script (one of
        :data:`KNOWN_SOURCES`); only a question can be answered that way.
        """
        self._require_open()
        chosen = self.node.answer(answer_id)
        if chosen is None:
            raise ValueError(f"{self.node.id} has no answer {answer_id!r}")
        if source and (source not in KNOWN_SOURCES or not _answerable_before(self.node)):
            raise ValueError(f"{self.node.id} cannot be answered from {source!r}")
        self._take(chosen, answer_id, source)

    def answer_number(self, value: float) -> None:
        """Answer a number question; the first band that takes ``value`` leads on."""
        self._require_open()
        if not math.isfinite(value):
            raise ValueError("not a number")
        chosen = next((a for a in self.node.answers if a.takes(value)), None)
        if chosen is None:
            raise ValueError(f"no band of {self.node.id} takes {value}")
        self._take(chosen, f"{chosen.id}:{value:g}")

    def escalate(self) -> None:
        """Hand the call to a dispatcher now, with the escalation code of this step."""
        self._require_open()
        node = self.node
        code = node.escalate or self.protocol.escalate
        state = self._state
        self._history.append(state)
        step = Step(state.place[0], node.id, ESCALATE)
        self._state = _State(
            state.place, (*state.steps, step), state.facts, state.raised, state.complaint
        )
        self._finish(code, escalated=True)

    def back(self) -> bool:
        """Take the last answer back (also reopens a finished run); False if none."""
        if not self._history:
            return False
        self._state = self._history.pop()
        self._result = None
        return True

    def answers(self) -> dict[str, str]:
        """Node id -> answer id of the current protocol's answers so far."""
        protocol = self._state.place[0]
        return {
            s.node: s.answer.split(":", 1)[0] for s in self._state.steps if s.protocol == protocol
        }

    # -- internals --------------------------------------------------------------

    def _require_open(self) -> None:
        if self._result is not None:
            raise ValueError("the run has ended")

    def _take(self, chosen: Answer, recorded: str, source: str = "") -> None:
        state = self._state
        self._history.append(state)
        self._state = self._settle(self._after(state, chosen, recorded, source))
        self._check_outcome()

    def _after(self, state: _State, chosen: Answer, recorded: str, source: str) -> _State:
        """The state once ``chosen`` is taken at ``state`` (not yet settled)."""
        facts = {**state.facts, **chosen.sets}
        raised = _more_urgent(state.raised, chosen.priority)
        step = Step(state.place[0], state.place[1], recorded, source)
        target = _resolve(self.library.protocols, state.place[0], chosen.next)
        if target is None:  # a validated library has no such edge
            raise ValueError(f"unknown target {chosen.next!r}")
        complaint = target[0] if chosen.next.startswith("@") else state.complaint
        return _State(target, (*state.steps, step), facts, raised, complaint)

    def _settle(self, state: _State) -> _State:
        """Pass over nodes that do not apply, take known answers, pick up priorities."""
        while True:
            node = self.library.node(*state.place)
            answers = {
                s.node: s.answer.split(":", 1)[0]
                for s in state.steps
                if s.protocol == state.place[0]
            }
            if node.when is not None and not node.when.holds(state.facts, answers):
                assert node.otherwise is not None
                target = _resolve(self.library.protocols, state.place[0], node.otherwise)
                assert target is not None
                complaint = target[0] if node.otherwise.startswith("@") else state.complaint
                state = _State(target, state.steps, state.facts, state.raised, complaint)
                continue
            raised = _more_urgent(state.raised, node.priority)
            state = _State(state.place, state.steps, state.facts, raised, state.complaint)
            known = self._known.get(f"{state.place[0]}.{node.id}")
            chosen = node.answer(known) if known is not None else None
            if chosen is None or not _answerable_before(node):
                return state
            state = self._after(state, chosen, chosen.id, self._source)

    def _check_outcome(self) -> None:
        node = self.node
        if node.type == "outcome" and node.code is not None:
            self._finish(node.code, escalated=False)

    def _finish(self, code: str, *, escalated: bool) -> None:
        response = self.library.responses[code]
        state = self._state
        protocol = self.library.protocols[state.complaint]
        self._result = GuidanceResult(
            protocol=protocol.id,
            version=protocol.version,
            code=code,
            response=response,
            priority=_more_urgent(response.priority, state.raised) or response.priority,
            escalated=escalated,
            steps=state.steps,
            facts=dict(state.facts),
        )


def _answerable_before(node: Node) -> bool:
    """Whether a caller can have answered ``node`` before the script: choice questions only."""
    return node.type == "question" and node.kind in ("yes_no", "choice")


def _more_urgent(a: Priority | None, b: Priority | None) -> Priority | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if PRIORITY_RANK[a] <= PRIORITY_RANK[b] else b


def more_urgent(a: Priority, b: Priority) -> Priority:
    """The more urgent of two priorities."""
    return a if PRIORITY_RANK[a] <= PRIORITY_RANK[b] else b


def replay(
    library: GuidanceLibrary,
    facts: Mapping[str, str | bool],
    path: Iterable[str],
    *,
    protocol: str | None = None,
) -> GuidanceResult:
    """Run ``path`` (recorded steps) again from the start and return where it ends.

    The data layer stores only what a replay confirms, so a path that does not
    follow the scripts, or does not end in an outcome, is refused (ValueError).
    """
    run = GuidanceRun(library, facts, protocol=protocol)
    for step in path:
        match = STEP_PATTERN.match(step)
        if match is None:
            raise ValueError(f"not a guidance step: {step!r}")
        protocol_id, node_id, answer = match.groups()
        answer, _, source = answer.partition("@")
        if run.finished:
            raise ValueError(f"step {step!r} comes after the outcome")
        if (run.protocol.id, run.node.id) != (protocol_id, node_id):
            raise ValueError(f"step {step!r} does not follow the script")
        if source:
            run.answer(answer, source=source)
        elif answer == ESCALATE:
            run.escalate()
        elif run.node.kind == "number":
            band, _, value = answer.partition(":")
            try:
                number = float(value)
            except ValueError:
                raise ValueError(f"step {step!r} has no number") from None
            run.answer_number(number)
            if run.steps[-1].answer.split(":", 1)[0] != band:
                raise ValueError(f"step {step!r} names the wrong band")
        else:
            run.answer(answer)
    if run.result is None:
        raise ValueError("the path does not end in an outcome")
    return run.result


# --------------------------------------------------------------------- statistics


@dataclass(frozen=True, slots=True)
class ProtocolFixRate:
    """How often one protocol ended with a phone fix."""

    protocol: str
    guided: int
    resolved: int

    @property
    def rate(self) -> float:
        """Share of guided calls fixed by phone (0 when none were guided)."""
        return self.resolved / self.guided if self.guided else 0.0


def remote_fix_rates(records: Iterable[tuple[str, bool]]) -> list[ProtocolFixRate]:
    """Remote-fix rate per protocol from (protocol, resolved by phone) records, by protocol id."""
    guided: dict[str, int] = {}
    resolved: dict[str, int] = {}
    for protocol, fixed in records:
        guided[protocol] = guided.get(protocol, 0) + 1
        resolved[protocol] = resolved.get(protocol, 0) + (1 if fixed else 0)
    return [ProtocolFixRate(p, guided[p], resolved[p]) for p in sorted(guided)]
