#!/bin/sh
# Lays out the files the container image adds on top of `scratch` (docs/release.md, Container image):
# the unpacked release without lib/ (Jib adds the jars as its own layers), a Java runtime made with jlink from
# the build machine's JDK, the C libraries that runtime and /bin/sh need, a passwd entry for the non-root
# user and the writable directories. No base image is pulled: the build reaches no container registry.
# It also packs BASE_DIR into the base image tarball Jib starts from: no layer, only a HEALTHCHECK, which Jib has no
# setting for but inherits from its base image (docs/release.md, Health check).
# Usage: prepare-root.sh ROOT RELEASE_ARCHIVE JDK_HOME BASE_DIR BASE_TAR
set -eu
root=$1
archive=$2
jdk=$3
base_dir=$4
base_tar=$5

tar -cf "$base_tar" -C "$base_dir" config.json manifest.json

rm -rf "$root"
mkdir -p "$root/opt" "$root/bin" "$root/etc" "$root/tmp" "$root/var/lib/coconnect/data" \
    "$root/var/lib/coconnect/keystores" "$root/etc/coconnect"

tar -xzf "$archive" -C "$root/opt"
mv "$root"/opt/coconnect-* "$root/opt/coconnect"
rm -rf "$root/opt/coconnect/lib"
# The configuration templates double as the default configuration (the demo's KR gateway); mount your own.
cp -R "$root/opt/coconnect/conf/." "$root/etc/coconnect/"

# Only the modules the gateway uses (jdeps over the jars, plus the TLS and crypto providers loaded by name).
"$jdk/bin/jlink" --module-path "$jdk/jmods" \
    --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs \
    --strip-debug --no-man-pages --no-header-files --compress=2 --output "$root/opt/java"

# The dynamic loader and C libraries the runtime and the shell link against, at the paths they expect.
cp -L /bin/dash "$root/bin/sh"
for binary in "$root/bin/sh" $(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \)); do
    ldd "$binary" 2>/dev/null | awk '/=> \// { print $3 } /^[ \t]*\// { print $1 }'
done | sort -u | while read -r library; do
    case $library in
        "$root"/*) continue ;;   # the runtime's own libraries, found through their RPATH
    esac
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
done

# The non-root user (uid 10001, group 0 as OpenShift expects): group 0 may write the writable directories.
printf 'root:x:0:0:root:/root:/sbin/nologin\ncoconnect:x:10001:0:CoConnect gateway:/var/lib/coconnect:/sbin/nologin\n' \
    > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
