#!/bin/sh
# Prepares the Elasticsearch cluster for the portal, once and again at every deployment (each step is idempotent):
# - an index template giving products*, brands* and villages* one replica as soon as a second node exists
#   (the portal creates its indices with number_of_replicas 0, right for a single node; auto_expand_replicas
#   overrides it on a cluster, so losing one node loses no shard);
# - a role and a user for the portal that reach only those indices, so the portal never holds the superuser.
# Needs ES_URL, ELASTIC_PASSWORD (the superuser's) and PORTAL_ES_PASSWORD; runs in the Elasticsearch image (curl).
set -eu

es() {
  curl --silent --show-error --fail-with-body -u "elastic:${ELASTIC_PASSWORD}" -H 'Content-Type: application/json' "$@"
}

until es "${ES_URL}/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null; do
  echo "waiting for Elasticsearch at ${ES_URL}"
  sleep 5
done

es -X PUT "${ES_URL}/_index_template/kriyanusa" -d '{
  "index_patterns": ["products*", "brands*", "villages*"],
  "priority": 500,
  "template": { "settings": { "index.auto_expand_replicas": "0-1" } }
}'
es -X PUT "${ES_URL}/_security/role/kriyanusa_portal" -d '{
  "cluster": ["monitor"],
  "indices": [{ "names": ["products*", "brands*", "villages*"], "privileges": ["all"] }]
}'
es -X POST "${ES_URL}/_security/user/kriyanusa" -d "{
  \"password\": \"${PORTAL_ES_PASSWORD}\",
  \"roles\": [\"kriyanusa_portal\"]
}"
echo
echo "search setup done"
