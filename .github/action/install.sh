#!/usr/bin/env bash
# The install step of action.yml: the .deb that .github/workflows/release.yml attached to a release of
# READYCTL_REPOSITORY, the one built for this runner's distribution and architecture
# (readyctl_<version>_<distro><version>_<arch>.deb), installed with apt so its Depends come along.
# READYCTL_VERSION is a tag (v0.1.0); anything else (a branch, a commit, empty) means the latest release.
set -euo pipefail
repository="${READYCTL_REPOSITORY:-}"
version="${READYCTL_VERSION:-}"
# The action's checkout is .../_actions/OWNER/NAME/REF when github.action_* came through empty.
if [ -z "$repository" ] && [[ "${GITHUB_ACTION_PATH:-}" == */_actions/*/*/* ]]; then
  IFS=/ read -r owner name ref _ <<<"${GITHUB_ACTION_PATH#*/_actions/}"
  repository="$owner/$name"
  version="${version:-$ref}"
fi
repository="${repository:-${GITHUB_REPOSITORY:?no repository to install readyctl from}}"
[[ "$version" =~ ^v[0-9] ]] || version="$(gh release view --repo "$repository" --json tagName --jq .tagName)"

. /etc/os-release
asset="readyctl_${version#v}_${ID}${VERSION_ID}_$(dpkg --print-architecture).deb"
if command -v readyctl >/dev/null && [ "$(readyctl version)" = "readyctl ${version#v}" ]; then
  echo "readyctl ${version#v} is already installed"
  exit 0
fi
dir="${RUNNER_TEMP:-/tmp}/readyctl-deb"
mkdir -p "$dir"
echo "Installing $asset from the $version release of $repository"
if ! gh release download "$version" --repo "$repository" --pattern "$asset" --dir "$dir" --clobber; then
  echo "::error title=readyctl::release $version of $repository has no $asset; it has:"
  gh release view "$version" --repo "$repository" --json assets --jq '.assets[].name' || true
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
# The runner's package lists may be stale; refresh them only when the Depends cannot be found.
$SUDO apt-get install -y -qq "$dir/$asset" || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "$dir/$asset"; }
readyctl version
