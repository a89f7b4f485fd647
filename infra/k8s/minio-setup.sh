#!/bin/sh
# The media bucket and a MinIO user for the portal that reaches only that bucket, so the portal never holds the
# root credentials. Idempotent. Needs MINIO_URL, MINIO_ROOT_USER, MINIO_ROOT_PASSWORD and PORTAL_STORAGE_SECRET;
# runs in the minio/mc image.
set -eu

until mc alias set store "${MINIO_URL}" "${MINIO_ROOT_USER}" "${MINIO_ROOT_PASSWORD}" >/dev/null; do
  echo "waiting for MinIO at ${MINIO_URL}"
  sleep 5
done
mc mb --ignore-existing store/kriyanusa-media
cat > /tmp/kriyanusa-portal.json <<'POLICY'
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": ["s3:*"],
    "Resource": ["arn:aws:s3:::kriyanusa-media", "arn:aws:s3:::kriyanusa-media/*"]
  }]
}
POLICY
mc admin policy create store kriyanusa-portal /tmp/kriyanusa-portal.json
mc admin user add store kriyanusa "${PORTAL_STORAGE_SECRET}"
# attaching a policy already attached is refused; that is the state we want
mc admin policy attach store kriyanusa-portal --user kriyanusa || true
echo "storage setup done"
