"""Checking and unpacking SCORM 1.2 package zips.

Everything is checked before a single file is written: the upload itself (the shared
validator: zip magic bytes and size), every entry of the zip's central directory (safe
relative paths, regular files only, no encryption, file count and uncompressed size
limits, compression ratio), and the manifest (parsed without DTDs or entities, SCORM 1.2,
a launch resource that exists in the zip). Only then are the files unpacked to default
storage under the package's per-version folder."""

import posixpath
import stat
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from kpo.uploads import validate_upload

MANIFEST = "imsmanifest.xml"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
SCORM_2004_NAMESPACE = "http://www.adlnet.org/xsd/adlcp_v1p3"

# Defaults; each can be set in the settings as KPO_SCORM_<NAME>.
LIMITS = {
    "MAX_FILES": 5000,
    "MAX_UNCOMPRESSED_BYTES": 1024 * 1024 * 1024,
    "MAX_COMPRESSION_RATIO": 200,
    "MAX_MANIFEST_BYTES": 1024 * 1024,
}


def limit(name):
    return getattr(settings, f"KPO_SCORM_{name}", LIMITS[name])


class PackageError(ValidationError):
    """A package that is refused, with a Dutch message for the editor."""


@dataclass(frozen=True)
class Manifest:
    identifier: str
    title: str
    launch_path: str
    launch_query: str = ""
    mastery_score: int | None = None
    launch_data: str = ""


@dataclass(frozen=True)
class CheckedPackage:
    manifest: Manifest
    files: list  # the ZipInfo of every file to unpack
    total_size: int


def check_package(upload):
    """Check an uploaded package zip without extracting it; raises ``PackageError``."""
    validate_upload(upload, "scorm")
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as error:
        raise PackageError(_("Het bestand is geen geldig zip-bestand.")) from error
    with archive:
        files = check_entries(archive.infolist())
        names = {info.filename for info in files}
        manifest = parse_manifest(read_manifest(archive, names))
        if manifest.launch_path not in names:
            raise PackageError(
                _("Het startbestand %(path)s uit imsmanifest.xml staat niet in het pakket.")
                % {"path": manifest.launch_path}
            )
    return CheckedPackage(manifest, files, sum(info.file_size for info in files))


def check_entries(infos):
    """Refuse unsafe or oversized entries; returns the regular files."""
    if len(infos) > limit("MAX_FILES"):
        raise PackageError(
            _("Het pakket bevat %(count)s bestanden; het maximum is %(max)s.")
            % {"count": len(infos), "max": limit("MAX_FILES")}
        )
    seen = set()
    files = []
    for info in infos:
        check_path(info.filename)
        check_kind(info)
        if info.filename.lower() in seen:
            raise PackageError(_("Het pakket bevat %(path)s twee keer.") % {"path": info.filename})
        seen.add(info.filename.lower())
        if not info.is_dir():
            check_compression(info)
            files.append(info)
    total = sum(info.file_size for info in files)
    if total > limit("MAX_UNCOMPRESSED_BYTES"):
        raise PackageError(
            _("Uitgepakt is het pakket %(size)s MB; het maximum is %(max)s MB.")
            % {"size": megabytes(total), "max": megabytes(limit("MAX_UNCOMPRESSED_BYTES"))}
        )
    return files


def check_path(name):
    """Only relative paths inside the package: no absolute paths, drives or ``..``."""
    parts = name.rstrip("/").split("/")
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or (len(name) > 1 and name[1] == ":")
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise PackageError(
            _(
                "Het pakket bevat een onveilig pad: %(path)s. Alleen relatieve paden binnen het "
                "pakket zijn toegestaan, zonder '..'."
            )
            % {"path": name}
        )


def check_kind(info):
    """Regular files and folders only: symbolic links and special files are refused."""
    if info.flag_bits & 0x1:
        raise PackageError(
            _("Het pakket bevat een versleuteld bestand: %(path)s.") % {"path": info.filename}
        )
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise PackageError(
            _("Het pakket bevat een symbolische link: %(path)s. Links zijn niet toegestaan.")
            % {"path": info.filename}
        )
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise PackageError(
            _("Het pakket bevat een bijzonder bestand: %(path)s.") % {"path": info.filename}
        )


def check_compression(info):
    ratio = info.file_size / max(info.compress_size, 1)
    if ratio > limit("MAX_COMPRESSION_RATIO"):
        raise PackageError(
            _("%(path)s is verdacht sterk gecomprimeerd (zip-bom); het pakket is geweigerd.")
            % {"path": info.filename}
        )


def read_manifest(archive, names):
    if MANIFEST not in names:
        raise PackageError(
            _("Het pakket heeft geen imsmanifest.xml in de hoofdmap; is het wel een SCORM-pakket?")
        )
    info = archive.getinfo(MANIFEST)
    if info.file_size > limit("MAX_MANIFEST_BYTES"):
        raise PackageError(_("imsmanifest.xml is te groot."))
    return archive.read(info)


def parse_manifest(data):
    """The launch information of a SCORM 1.2 manifest: the default organization's first
    item that refers to a resource, and that resource's ``href``."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise PackageError(
            _("imsmanifest.xml is geen geldige of toegestane XML (geen DTD's of entiteiten).")
        ) from error
    if local_name(root) != "manifest":
        raise PackageError(_("imsmanifest.xml heeft geen <manifest> als hoofdelement."))
    check_scorm_version(root)
    organization = default_organization(root)
    item = next(
        (el for el in organization.iter() if local_name(el) == "item" and el.get("identifierref")),
        None,
    )
    if item is None:
        raise PackageError(
            _("De organisatie in imsmanifest.xml heeft geen onderdeel om te starten.")
        )
    resource = find_resource(root, item.get("identifierref"))
    href = resource.get("href")
    if not href:
        raise PackageError(_("De startbron in imsmanifest.xml heeft geen href."))
    path, query = launch_location(root, resource, href)
    return Manifest(
        identifier=root.get("identifier", ""),
        title=child_text(organization, "title") or child_text(item, "title"),
        launch_path=path,
        launch_query=merge_query(query, item.get("parameters", "")),
        mastery_score=mastery_score(item),
        launch_data=child_text(item, "datafromlms"),
    )


def local_name(element):
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def children(element, name):
    return [child for child in element if local_name(child) == name]


def child_text(element, name):
    found = children(element, name)
    return (found[0].text or "").strip() if found else ""


def check_scorm_version(root):
    """SCORM 2004 packages are refused: their runtime and sequencing differ."""
    versions = {
        (el.text or "").strip()
        for metadata in children(root, "metadata")
        for el in metadata
        if local_name(el) == "schemaversion"
    }
    names = [el.tag for el in root.iter() if isinstance(el.tag, str)]
    names += [attribute for el in root.iter() for attribute in el.attrib]
    if any(SCORM_2004_NAMESPACE in name for name in names) or versions - {"", "1.2"}:
        raise PackageError(_("Dit is geen SCORM 1.2-pakket. Alleen SCORM 1.2 wordt ondersteund."))


def default_organization(root):
    wrappers = children(root, "organizations")
    organizations = [org for wrapper in wrappers for org in children(wrapper, "organization")]
    if not organizations:
        raise PackageError(_("imsmanifest.xml beschrijft geen organisatie (inhoudsopgave)."))
    default = wrappers[0].get("default")
    return next(
        (org for org in organizations if org.get("identifier") == default), organizations[0]
    )


def find_resource(root, identifier):
    for wrapper in children(root, "resources"):
        for resource in children(wrapper, "resource"):
            if resource.get("identifier") == identifier:
                return resource
    raise PackageError(_("De startbron %(id)s staat niet in imsmanifest.xml.") % {"id": identifier})


def launch_location(root, resource, href):
    """The launch file's path inside the package and its query string."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        raise PackageError(
            _("Het startbestand moet in het pakket staan, niet op een andere website.")
        )
    bases = [el.get(XML_BASE, "") for el in (root, *children(root, "resources"), resource)]
    path = posixpath.normpath(posixpath.join(*[b for b in bases if b], unquote(parts.path)))
    check_path(path)
    return path, parts.query


def merge_query(query, parameters):
    parameters = parameters.lstrip("?&")
    if not parameters:
        return query
    return f"{query}&{parameters}" if query else parameters


def mastery_score(item):
    text = child_text(item, "masteryscore")
    try:
        score = int(float(text))
    except ValueError:
        return None
    return score if 0 <= score <= 100 else None


def megabytes(size):
    return round(size / (1024 * 1024), 1)


def unpack(archive_file, checked, prefix):
    """Write the checked files under ``prefix`` in default storage. On any error the
    files written so far are removed again."""
    written = []
    archive_file.seek(0)
    try:
        with zipfile.ZipFile(archive_file) as archive:
            for info in checked.files:
                with archive.open(info) as source:  # reads at most info.file_size bytes
                    name = default_storage.save(prefix + info.filename, File(source))
                written.append(name)
                if name != prefix + info.filename:
                    raise PackageError(_("Het pakket kon niet worden uitgepakt."))
    except (zipfile.BadZipFile, OSError) as error:
        remove(written)
        raise PackageError(_("Het pakket kon niet worden uitgepakt.")) from error
    except PackageError:
        remove(written)
        raise
    return written


def remove(names):
    for name in names:
        default_storage.delete(name)


def install(instance, upload, checked):
    """Unpack a checked package as ``instance``'s (a ``ScormPackage``) next version."""
    manifest = checked.manifest
    instance.version += 1
    unpack(upload, checked, instance.storage_prefix)
    instance.launch_path = manifest.launch_path
    instance.launch_query = manifest.launch_query
    instance.manifest_title = manifest.title[:255]
    instance.mastery_score = manifest.mastery_score
    instance.launch_data = manifest.launch_data
    instance.file_count = len(checked.files)
    instance.total_size = checked.total_size
    instance.uploaded_at = timezone.now()
    if not instance.title:
        instance.title = instance.manifest_title
