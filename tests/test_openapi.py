"""/api/openapi.json is kept true: real answers of every endpoint, good and bad, validate against it."""
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_URI = "urn:openapi"

CASES = [  # (request, path in the description, status)
    ("/api/search?q=ombudsman", "/api/search", 200),
    ("/api/search?q=ombudsman&year=2022&year=2021&partner=pakistan&sort=date&per_page=3&page=2", "/api/search", 200),
    ("/api/search", "/api/search", 200),
    ("/api/search?q=ombudsmn", "/api/search", 200),
    ("/api/search?q=qqqzzzxxyy", "/api/search", 200),
    ("/api/search?page=abc", "/api/search", 400),
    ("/api/doc/003_e879f1925df36061", "/api/doc/{id}", 200),
    ("/api/doc/escaping", "/api/doc/{id}", 200),
    ("/api/doc/none", "/api/doc/{id}", 404),
    ("/api/complete?q=omb", "/api/complete", 200),
    ("/api/complete?q=", "/api/complete", 200),
    ("/api/complete?q=o&limit=99", "/api/complete", 400),
    ("/api/openapi.json", "/api/openapi.json", 200),
]


@pytest.fixture(scope="module")
def spec(index_dir):
    from webui import create_app

    return create_app({"INDEX_DIR": str(index_dir)}).test_client().get("/api/openapi.json").get_json()


def validator(spec: dict, path: str, status: int) -> Draft202012Validator:
    pointer = "/".join(["#", "paths", path.replace("~", "~0").replace("/", "~1"), "get", "responses", str(status)])
    response = spec["paths"][path]["get"]["responses"][str(status)]
    if "$ref" in response:  # a shared response under components/responses
        pointer = response["$ref"]
    registry = Registry().with_resource(SPEC_URI, Resource(contents=spec, specification=DRAFT202012))
    return Draft202012Validator({"$ref": f"{SPEC_URI}{pointer}/content/application~1json/schema"}, registry=registry)


def test_the_description_is_openapi_3_1_and_lists_every_api_route(spec, client):
    assert spec["openapi"].startswith("3.1")
    routes = {rule.rule.replace("<path:doc_id>", "{id}") for rule in client.application.url_map.iter_rules() if rule.rule.startswith("/api/")}
    assert routes == set(spec["paths"])
    Draft202012Validator.check_schema(spec["components"]["schemas"]["SearchResponse"])


@pytest.mark.parametrize("url, path, status", CASES)
def test_real_answers_validate(spec, client, url, path, status):
    response = client.get(url)
    assert response.status_code == status and response.is_json
    errors = [error.message for error in validator(spec, path, status).iter_errors(response.get_json())]
    assert not errors, errors


def test_the_schema_rejects_a_wrong_answer(spec, client):
    answer = client.get("/api/search?q=ombudsman").get_json()
    del answer["hits"][0]["title_html"]
    assert not validator(spec, "/api/search", 200).is_valid(answer)
