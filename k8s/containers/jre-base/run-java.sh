#!/bin/sh
# The entry point of the Red Hat OpenJDK images, reduced to the part the NewsLens images use: run the
# jar with the options the image (JAVA_OPTS_APPEND) and the deployment (JAVA_OPTS, JAVA_OPTS_APPEND) give.
# Unquoted on purpose: each variable holds several options separated by spaces.
# shellcheck disable=SC2086
exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar "$JAVA_APP_JAR" "$@"
