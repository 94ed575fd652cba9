#!/bin/sh
# Installs Switchboard on a plain Linux box with systemd, as root:
#   sudo packaging/install.sh server/target/switchboard.jar
# Creates the system user 'switchboard', /opt/switchboard (the jar), /var/lib/switchboard (the data,
# mode 700), /var/backups/switchboard (for 'switchboard backup', mode 700), /etc/default/switchboard
# (JVM options and SWITCHBOARD_* variables, kept if present), installs and enables the service, and
# starts it. Running it again upgrades the jar and restarts the service; the data is kept.
# SWITCHBOARD_ROOT=DIR installs below DIR instead of / and skips the user and systemctl, for tests
# and image builds.
set -eu

jar=${1:-}
root=${SWITCHBOARD_ROOT:-}
here=$(dirname "$0")

if [ -z "$jar" ] || [ ! -f "$jar" ]; then
    echo "usage: $0 PATH/TO/switchboard.jar (build it with: mvn -q -DskipTests package)" >&2
    exit 2
fi
if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
    echo "$0: run as root (it creates a user and a system service)" >&2
    exit 1
fi
if [ -z "$root" ] && ! command -v java >/dev/null 2>&1; then
    echo "$0: no java found; install Java 17 or later first (Debian: apt-get install openjdk-17-jre-headless)" >&2
    exit 1
fi

if [ -z "$root" ] && ! id switchboard >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/switchboard --no-create-home --shell /usr/sbin/nologin switchboard
fi

install -d -m 755 "$root/opt/switchboard" "$root/etc/systemd/system" "$root/etc/default"
install -d -m 700 "$root/var/lib/switchboard" "$root/var/backups/switchboard"
install -m 644 "$jar" "$root/opt/switchboard/switchboard.jar"
install -m 644 "$here/switchboard.service" "$root/etc/systemd/system/switchboard.service"
if [ ! -f "$root/etc/default/switchboard" ]; then
    cat > "$root/etc/default/switchboard" <<'DEFAULTS'
# Environment of the switchboard service. A variable here wins over
# /var/lib/switchboard/switchboard.conf; see 'java -jar /opt/switchboard/switchboard.jar --help'.
# JAVA_OPTS="-Xms96m -Xmx160m -XX:+UseSerialGC -XX:MaxDirectMemorySize=64m -XX:MaxMetaspaceSize=80m -XX:ReservedCodeCacheSize=40m -Xss512k -XX:+ExitOnOutOfMemoryError"
# SWITCHBOARD_DOMAIN=example.com
DEFAULTS
    chmod 644 "$root/etc/default/switchboard"
fi

if [ -z "$root" ]; then
    chown switchboard:switchboard /var/lib/switchboard /var/backups/switchboard
    systemctl daemon-reload
    systemctl enable switchboard.service
    systemctl restart switchboard.service
    echo "Switchboard installed and started: systemctl status switchboard; journalctl -u switchboard -f"
else
    echo "Switchboard installed below $root"
fi
