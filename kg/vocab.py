"""The ontology's terms as a closed rdflib namespace.

GENERATED from ontology/*.ttl by `kg ontology codegen`; do not edit.

A term the ontology does not declare raises ``AttributeError`` at first use.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class DIPL(DefinedNamespace):
    """Terms of the diplomatic-event ontology (``ontology/*.ttl``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/dipkg/ontology#")
    _extras = ['cameo-01', 'cameo-010', 'cameo-011', 'cameo-012', 'cameo-013', 'cameo-014', 'cameo-015', 'cameo-016', 'cameo-017', 'cameo-018', 'cameo-019', 'cameo-02', 'cameo-020', 'cameo-021', 'cameo-0211', 'cameo-0212', 'cameo-0213', 'cameo-0214', 'cameo-022', 'cameo-023', 'cameo-0231', 'cameo-0232', 'cameo-0233', 'cameo-0234', 'cameo-024', 'cameo-0241', 'cameo-0242', 'cameo-0243', 'cameo-0244', 'cameo-025', 'cameo-0251', 'cameo-0252', 'cameo-0253', 'cameo-0254', 'cameo-0255', 'cameo-0256', 'cameo-026', 'cameo-027', 'cameo-028', 'cameo-03', 'cameo-030', 'cameo-031', 'cameo-0311', 'cameo-0312', 'cameo-0313', 'cameo-0314', 'cameo-032', 'cameo-033', 'cameo-0331', 'cameo-0332', 'cameo-0333', 'cameo-0334', 'cameo-034', 'cameo-0341', 'cameo-0342', 'cameo-0343', 'cameo-0344', 'cameo-035', 'cameo-0351', 'cameo-0352', 'cameo-0353', 'cameo-0354', 'cameo-0355', 'cameo-0356', 'cameo-036', 'cameo-037', 'cameo-038', 'cameo-039', 'cameo-04', 'cameo-040', 'cameo-041', 'cameo-042', 'cameo-043', 'cameo-044', 'cameo-045', 'cameo-046', 'cameo-05', 'cameo-050', 'cameo-051', 'cameo-052', 'cameo-053', 'cameo-054', 'cameo-055', 'cameo-056', 'cameo-057', 'cameo-06', 'cameo-060', 'cameo-061', 'cameo-062', 'cameo-063', 'cameo-064', 'cameo-07', 'cameo-070', 'cameo-071', 'cameo-072', 'cameo-073', 'cameo-074', 'cameo-075', 'cameo-08', 'cameo-080', 'cameo-081', 'cameo-0811', 'cameo-0812', 'cameo-0813', 'cameo-0814', 'cameo-082', 'cameo-083', 'cameo-0831', 'cameo-0832', 'cameo-0833', 'cameo-0834', 'cameo-084', 'cameo-0841', 'cameo-0842', 'cameo-085', 'cameo-086', 'cameo-0861', 'cameo-0862', 'cameo-0863', 'cameo-087', 'cameo-0871', 'cameo-0872', 'cameo-0873', 'cameo-0874', 'cameo-09', 'cameo-090', 'cameo-091', 'cameo-092', 'cameo-093', 'cameo-094', 'cameo-10', 'cameo-100', 'cameo-101', 'cameo-1011', 'cameo-1012', 'cameo-1013', 'cameo-1014', 'cameo-102', 'cameo-103', 'cameo-1031', 'cameo-1032', 'cameo-1033', 'cameo-1034', 'cameo-104', 'cameo-1041', 'cameo-1042', 'cameo-1043', 'cameo-1044', 'cameo-105', 'cameo-1051', 'cameo-1052', 'cameo-1053', 'cameo-1054', 'cameo-1055', 'cameo-1056', 'cameo-106', 'cameo-107', 'cameo-108', 'cameo-11', 'cameo-110', 'cameo-111', 'cameo-112', 'cameo-1121', 'cameo-1122', 'cameo-1123', 'cameo-1124', 'cameo-1125', 'cameo-113', 'cameo-114', 'cameo-115', 'cameo-116', 'cameo-12', 'cameo-120', 'cameo-121', 'cameo-1211', 'cameo-1212', 'cameo-1213', 'cameo-1214', 'cameo-122', 'cameo-1221', 'cameo-1222', 'cameo-1223', 'cameo-1224', 'cameo-123', 'cameo-1231', 'cameo-1232', 'cameo-1233', 'cameo-1234', 'cameo-124', 'cameo-1241', 'cameo-1242', 'cameo-1243', 'cameo-1244', 'cameo-1245', 'cameo-1246', 'cameo-125', 'cameo-126', 'cameo-127', 'cameo-128', 'cameo-129', 'cameo-13', 'cameo-130', 'cameo-131', 'cameo-1311', 'cameo-1312', 'cameo-1313', 'cameo-132', 'cameo-1321', 'cameo-1322', 'cameo-1323', 'cameo-1324', 'cameo-133', 'cameo-134', 'cameo-135', 'cameo-136', 'cameo-137', 'cameo-138', 'cameo-1381', 'cameo-1382', 'cameo-1383', 'cameo-1384', 'cameo-1385', 'cameo-139', 'cameo-14', 'cameo-140', 'cameo-141', 'cameo-1411', 'cameo-1412', 'cameo-1413', 'cameo-1414', 'cameo-142', 'cameo-1421', 'cameo-1422', 'cameo-1423', 'cameo-1424', 'cameo-143', 'cameo-1431', 'cameo-1432', 'cameo-1433', 'cameo-1434', 'cameo-144', 'cameo-1441', 'cameo-1442', 'cameo-1443', 'cameo-1444', 'cameo-145', 'cameo-1451', 'cameo-1452', 'cameo-1453', 'cameo-1454', 'cameo-15', 'cameo-150', 'cameo-151', 'cameo-152', 'cameo-153', 'cameo-154', 'cameo-16', 'cameo-160', 'cameo-161', 'cameo-162', 'cameo-1621', 'cameo-1622', 'cameo-1623', 'cameo-163', 'cameo-164', 'cameo-165', 'cameo-166', 'cameo-1661', 'cameo-1662', 'cameo-1663', 'cameo-17', 'cameo-170', 'cameo-171', 'cameo-1711', 'cameo-1712', 'cameo-172', 'cameo-1721', 'cameo-1722', 'cameo-1723', 'cameo-1724', 'cameo-173', 'cameo-174', 'cameo-175', 'cameo-18', 'cameo-180', 'cameo-181', 'cameo-182', 'cameo-1821', 'cameo-1822', 'cameo-1823', 'cameo-183', 'cameo-1831', 'cameo-1832', 'cameo-1833', 'cameo-184', 'cameo-185', 'cameo-186', 'cameo-19', 'cameo-190', 'cameo-191', 'cameo-192', 'cameo-193', 'cameo-194', 'cameo-195', 'cameo-1951', 'cameo-1952', 'cameo-196', 'cameo-20', 'cameo-200', 'cameo-201', 'cameo-202', 'cameo-203', 'cameo-204', 'cameo-2041', 'cameo-2042', 'plover-ACCUSE', 'plover-ACCUSE-allege', 'plover-ACCUSE-disapprove', 'plover-ACCUSE-investigate', 'plover-AGREE', 'plover-AID', 'plover-ASSAULT', 'plover-ASSAULT-abduct', 'plover-ASSAULT-aerial', 'plover-ASSAULT-beat', 'plover-ASSAULT-crowd-control', 'plover-ASSAULT-destroy', 'plover-ASSAULT-drone', 'plover-ASSAULT-explosives', 'plover-ASSAULT-firearms', 'plover-ASSAULT-heavy-weapons', 'plover-ASSAULT-primitive', 'plover-ASSAULT-sexual', 'plover-ASSAULT-suicide-attack', 'plover-ASSAULT-targeted', 'plover-ASSAULT-torture', 'plover-ASSAULT-unconventional', 'plover-COERCE', 'plover-COERCE-arrest', 'plover-COERCE-censor', 'plover-COERCE-curfew', 'plover-COERCE-cyber', 'plover-COERCE-deport', 'plover-COERCE-martial-law', 'plover-COERCE-misinformation', 'plover-COERCE-restrict', 'plover-COERCE-seize', 'plover-COERCE-withhold', 'plover-CONCEDE', 'plover-CONSULT', 'plover-CONSULT-multilateral', 'plover-CONSULT-phone', 'plover-CONSULT-third-party', 'plover-CONSULT-visit', 'plover-COOPERATE', 'plover-MOBILIZE', 'plover-MOBILIZE-militia', 'plover-MOBILIZE-police', 'plover-MOBILIZE-troops', 'plover-MOBILIZE-weapons', 'plover-PROTEST', 'plover-PROTEST-boycott', 'plover-PROTEST-demo', 'plover-PROTEST-hunger', 'plover-PROTEST-obstruct', 'plover-PROTEST-riot', 'plover-PROTEST-strike', 'plover-PROTEST-vandalize', 'plover-REJECT', 'plover-REJECT-assist', 'plover-REJECT-change', 'plover-REJECT-meet', 'plover-REJECT-yield', 'plover-REQUEST', 'plover-REQUEST-assist', 'plover-REQUEST-change', 'plover-REQUEST-meet', 'plover-REQUEST-yield', 'plover-RETREAT', 'plover-RETREAT-access', 'plover-RETREAT-ceasefire', 'plover-RETREAT-disarm', 'plover-RETREAT-release', 'plover-RETREAT-resign', 'plover-RETREAT-withdraw', 'plover-SANCTION', 'plover-SANCTION-convict', 'plover-SANCTION-discontinue', 'plover-SANCTION-expel', 'plover-SANCTION-withdraw', 'plover-SUPPORT', 'plover-THREATEN', 'plover-THREATEN-arrest', 'plover-THREATEN-expel', 'plover-THREATEN-relations', 'plover-THREATEN-restrict', 'plover-THREATEN-territory', 'plover-THREATEN-violence', 'topic-afghanistan', 'topic-agriculture', 'topic-arms-control', 'topic-artificial-intelligence', 'topic-belt-and-road', 'topic-bilateral-relations', 'topic-climate-change', 'topic-counter-terrorism', 'topic-covid-19', 'topic-cyber', 'topic-defence', 'topic-democracy', 'topic-development-aid', 'topic-economy', 'topic-education-and-exchanges', 'topic-energy', 'topic-environment', 'topic-finance', 'topic-food-security', 'topic-global-governance', 'topic-health', 'topic-human-rights', 'topic-humanitarian-aid', 'topic-investment', 'topic-iran', 'topic-israel-palestine', 'topic-korean-peninsula', 'topic-middle-east', 'topic-migration', 'topic-multilateralism', 'topic-nuclear', 'topic-oil-and-gas', 'topic-regional-cooperation', 'topic-renewable-energy', 'topic-sanctions', 'topic-science-and-technology', 'topic-security', 'topic-south-china-sea', 'topic-sovereignty', 'topic-space', 'topic-sport-and-culture', 'topic-syria', 'topic-taiwan', 'topic-territorial-disputes', 'topic-trade', 'topic-transport-and-infrastructure', 'topic-travel', 'topic-ukraine-war']

    Actor: URIRef
    Agree: URIRef
    Agreement: URIRef
    Article: URIRef
    Bilateral: URIRef
    CameoScheme: URIRef
    Commit: URIRef
    Concern: URIRef
    Country: URIRef
    Criticise: URIRef
    DatePrecisionScheme: URIRef
    Day: URIRef
    Event: URIRef
    Evidence: URIRef
    FormatScheme: URIRef
    InPerson: URIRef
    MediumScheme: URIRef
    Meeting: URIRef
    Mention: URIRef
    Month: URIRef
    Multilateral: URIRef
    Occurred: URIRef
    Office: URIRef
    OfficeHolding: URIRef
    Organisation: URIRef
    OtherEvent: URIRef
    Person: URIRef
    Phone: URIRef
    Place: URIRef
    Planned: URIRef
    PloverScheme: URIRef
    Praise: URIRef
    Reject: URIRef
    Request: URIRef
    StanceScheme: URIRef
    Statement: URIRef
    StatusScheme: URIRef
    Support: URIRef
    TopicScheme: URIRef
    Trilateral: URIRef
    Video: URIRef
    Week: URIRef
    Window: URIRef
    Year: URIRef
    affiliatedWith: URIRef
    alias: URIRef
    article: URIRef
    articleId: URIRef
    aspect: URIRef
    cameo: URIRef
    category: URIRef
    confidence: URIRef
    date: URIRef
    dateEnd: URIRef
    datePrecision: URIRef
    dateStart: URIRef
    dateline: URIRef
    datelinePlace: URIRef
    defaultCameo: URIRef
    defaultCategory: URIRef
    dissolved: URIRef
    endDate: URIRef
    endOffset: URIRef
    evidence: URIRef
    extractedFrom: URIRef
    extractor: URIRef
    extractorVersion: URIRef
    format: URIRef
    founded: URIRef
    holds: URIRef
    host: URIRef
    isoCode: URIRef
    medium: URIRef
    memberOf: URIRef
    mentionOf: URIRef
    mentions: URIRef
    office: URIRef
    officeOf: URIRef
    organisation: URIRef
    participant: URIRef
    place: URIRef
    ploverMode: URIRef
    published: URIRef
    quoted: URIRef
    reason: URIRef
    relatedEvent: URIRef
    represents: URIRef
    sentence: URIRef
    source: URIRef
    sourceDigest: URIRef
    speaker: URIRef
    stance: URIRef
    startDate: URIRef
    startOffset: URIRef
    status: URIRef
    surface: URIRef
    target: URIRef
    text: URIRef
    title: URIRef
    topic: URIRef
    url: URIRef
    visitor: URIRef
    wikidata: URIRef
