"""SCORM 1.2 packages: manifest parsing, every rejection rule, unpacking and the admin upload.
The packages are made by ``academie.scorm.generator``."""

import stat

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from academie.forms import ScormPackageAdminForm
from academie.models import ScormPackage
from academie.scorm import generator
from academie.scorm.generator import SYMLINK, Entry, build_zip, manifest_xml, simple_package
from academie.scorm.package import check_package, parse_manifest
from kpo.factories import StaffUserFactory

MANIFEST = "imsmanifest.xml"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """An empty media folder per test, to see exactly what was written."""
    settings.MEDIA_ROOT = tmp_path


def upload(data, name="pakket.zip"):
    return SimpleUploadedFile(name, data, content_type="application/zip")


def refusal(data, name="pakket.zip"):
    with pytest.raises(ValidationError) as error:
        check_package(upload(data, name))
    return " ".join(error.value.messages)


def with_manifest(*entries, manifest=None):
    return build_zip([(MANIFEST, manifest or manifest_xml()), ("index.html", "<p>x</p>"), *entries])


# --- manifest parsing ---


def test_manifest_gives_title_launch_file_parameters_and_mastery_score():
    manifest = parse_manifest(
        manifest_xml("Wet Bibob", "pages/start.html?taal=nl", "bibob-1", mastery_score=75).encode()
    )
    assert manifest.identifier == "bibob-1"
    assert manifest.title == "Wet Bibob"
    assert manifest.launch_path == "pages/start.html"
    assert manifest.launch_query == "taal=nl"
    assert manifest.mastery_score == 75


def test_manifest_uses_the_default_organization_and_resource_base():
    xml = f"""<?xml version="1.0"?>
<manifest identifier="m" xmlns="{generator.IMSCP}" xmlns:adlcp="{generator.ADLCP}">
  <organizations default="second">
    <organization identifier="first"><title>Eerste</title>
      <item identifier="a" identifierref="res-a"><title>A</title></item></organization>
    <organization identifier="second"><title>Tweede</title>
      <item identifier="folder"><title>Map</title>
        <item identifier="b" identifierref="res-b" parameters="?deel=2"><title>B</title></item>
      </item></organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="res-a" type="webcontent" href="a.html"/>
    <resource identifier="res-b" type="webcontent" xml:base="b/" href="index.html"/>
  </resources>
</manifest>"""
    manifest = parse_manifest(xml.encode())
    assert manifest.title == "Tweede"
    assert manifest.launch_path == "content/b/index.html"
    assert manifest.launch_query == "deel=2"


def test_a_valid_package_passes_and_lists_its_files():
    checked = check_package(upload(simple_package(extra=[("css/site.css", "p {}")])))
    assert checked.manifest.launch_path == "index.html"
    assert sorted(info.filename for info in checked.files) == [
        "css/site.css",
        MANIFEST,
        "index.html",
    ]


def test_the_demo_package_is_valid():
    data = generator.interactive_package(
        "Demo", [("Pagina", ["Tekst."])], generator.demo_questions()
    )
    assert check_package(upload(data)).manifest.mastery_score == 80


# --- every rejection rule ---


def test_refuses_a_file_that_is_not_a_zip():
    assert "Dit soort bestand" in refusal(b"%PDF-1.7 not a zip", "pakket.pdf")


def test_refuses_an_office_document_posing_as_a_package():
    data = build_zip([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")])
    assert "Dit soort bestand" in refusal(data)


def test_refuses_a_package_over_the_upload_size_limit(settings):
    settings.KPO_UPLOAD_MAX_BYTES = {"scorm": 100}
    assert "te groot" in refusal(simple_package())


def test_refuses_a_package_without_manifest():
    assert "geen imsmanifest.xml" in refusal(build_zip([("index.html", "<p>x</p>")]))


def test_refuses_a_manifest_in_a_subfolder_only():
    data = build_zip([("course/" + MANIFEST, manifest_xml()), ("course/index.html", "x")])
    assert "geen imsmanifest.xml" in refusal(data)


def test_refuses_malformed_manifest_xml():
    assert "geen geldige" in refusal(with_manifest(manifest="<manifest><unclosed></manifest>"))


def test_refuses_entity_expansion_in_the_manifest():
    bomb = """<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<manifest identifier="m"><organizations><organization><title>&b;</title>
</organization></organizations></manifest>"""
    assert "geen DTD" in refusal(with_manifest(manifest=bomb))


def test_refuses_external_entities_in_the_manifest():
    xxe = """<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<manifest identifier="m"><title>&secret;</title></manifest>"""
    assert "geen DTD" in refusal(with_manifest(manifest=xxe))


def test_refuses_a_manifest_of_another_format():
    assert "geen <manifest>" in refusal(with_manifest(manifest="<?xml version='1.0'?><html/>"))


def test_refuses_scorm_2004_packages():
    manifest = manifest_xml(schemaversion="2004 4th Edition")
    assert "Alleen SCORM 1.2" in refusal(with_manifest(manifest=manifest))


def test_refuses_a_manifest_without_organization():
    manifest = f'<manifest identifier="m" xmlns="{generator.IMSCP}"><organizations/></manifest>'
    assert "geen organisatie" in refusal(with_manifest(manifest=manifest))


def test_refuses_an_organization_without_launchable_item():
    manifest = manifest_xml().replace(' identifierref="res-1"', "")
    assert "geen onderdeel om te starten" in refusal(with_manifest(manifest=manifest))


def test_refuses_a_launch_resource_missing_from_the_manifest():
    manifest = manifest_xml().replace('identifier="res-1"', 'identifier="other"')
    assert "De startbron res-1 staat niet" in refusal(with_manifest(manifest=manifest))


def test_refuses_a_launch_resource_without_href():
    manifest = manifest_xml().replace('href="index.html">', ">")
    assert "heeft geen href" in refusal(with_manifest(manifest=manifest))


def test_refuses_a_launch_file_missing_from_the_zip():
    manifest = manifest_xml(launch="start.html")
    assert "start.html uit imsmanifest.xml staat niet in het pakket" in refusal(
        with_manifest(manifest=manifest)
    )


def test_refuses_a_launch_file_on_another_website():
    manifest = manifest_xml(launch="https://elders.example/start.html")
    assert "niet op een andere website" in refusal(with_manifest(manifest=manifest))


def test_refuses_a_launch_path_leaving_the_package():
    manifest = manifest_xml(launch="../buiten.html")
    assert "onveilig pad" in refusal(with_manifest(manifest=manifest))


@pytest.mark.parametrize(
    "name",
    [
        "/etc/cron.d/evil",
        "../../kpo/settings/base.py",
        "assets/../../escape.js",
        "C:/Windows/evil.dll",
        "assets\\..\\evil.js",
        "assets//double.js",
        "./here.js",
    ],
)
def test_refuses_absolute_and_parent_paths(name):
    assert "onveilig pad" in refusal(with_manifest((name, "x")))


def test_refuses_symbolic_links():
    link = Entry("assets/passwd", "/etc/passwd", mode=SYMLINK)
    assert "symbolische link" in refusal(with_manifest(link))


def test_refuses_special_files():
    fifo = Entry("assets/pipe", "", mode=stat.S_IFIFO | 0o644)
    assert "bijzonder bestand" in refusal(with_manifest(fifo))


def test_accepts_regular_files_with_unix_permissions():
    regular = Entry("assets/run.js", "1;", mode=stat.S_IFREG | 0o755)
    check_package(upload(with_manifest(regular)))


def test_refuses_encrypted_entries():
    data = bytearray(with_manifest(("assets/secret.js", "x")))
    # Set the "encrypted" flag of the last entry in the central directory.
    central = data.rindex(b"PK\x01\x02")
    data[central + 8] |= 0x1
    assert "versleuteld" in refusal(bytes(data))


def test_refuses_duplicate_entries():
    with pytest.warns(UserWarning, match="Duplicate name"):
        data = with_manifest(("index.html", "<p>twee</p>"))
    assert "twee keer" in refusal(data)


def test_refuses_too_many_files(settings):
    settings.KPO_SCORM_MAX_FILES = 5
    files = [(f"assets/{n}.js", "x") for n in range(4)]
    assert "het maximum is 5" in refusal(with_manifest(*files))


def test_refuses_too_much_uncompressed_data(settings):
    settings.KPO_SCORM_MAX_UNCOMPRESSED_BYTES = 10_000
    stored = Entry("assets/big.bin", bytes(range(256)) * 50, compress=False)
    assert "Uitgepakt is het pakket" in refusal(with_manifest(stored))


def test_refuses_zip_bombs_by_compression_ratio():
    bomb = Entry("assets/zeros.bin", b"\0" * 5_000_000)
    assert "zip-bom" in refusal(with_manifest(bomb))


def test_refuses_an_oversized_manifest(settings):
    settings.KPO_SCORM_MAX_MANIFEST_BYTES = 100
    assert "te groot" in refusal(simple_package())


# --- unpacking and the admin ---


@pytest.mark.django_db
def test_admin_form_unpacks_each_upload_as_a_new_version():
    form = ScormPackageAdminForm(
        data={"title": ""}, files={"package": upload(simple_package("Wet Bibob"))}
    )
    assert form.is_valid(), form.errors
    scorm = form.save()
    assert scorm.title == "Wet Bibob"
    assert scorm.version == 1
    assert scorm.launch_path == "index.html"
    assert scorm.file_count == 2
    first = f"scorm/{scorm.key}/v1/index.html"
    assert default_storage.exists(first)
    assert len(scorm.key) >= 24

    form = ScormPackageAdminForm(
        data={"title": "Wet Bibob"},
        files={"package": upload(simple_package("Nieuw", launch="start.html"))},
        instance=scorm,
    )
    assert form.is_valid(), form.errors
    scorm = form.save()
    assert scorm.version == 2
    assert scorm.launch_path == "start.html"
    assert default_storage.exists(f"scorm/{scorm.key}/v2/start.html")
    assert default_storage.exists(first), "earlier versions stay for running attempts"


@pytest.mark.django_db
def test_admin_form_writes_nothing_for_a_refused_package():
    bad = with_manifest(Entry("assets/passwd", "/etc/passwd", mode=SYMLINK))
    form = ScormPackageAdminForm(data={"title": "Slecht"}, files={"package": upload(bad)})
    assert not form.is_valid()
    assert "symbolische link" in form.errors["package"][0]
    assert not ScormPackage.objects.exists()
    assert default_storage.listdir("") == ([], [])


@pytest.mark.django_db
def test_admin_form_needs_a_zip_for_a_new_package():
    form = ScormPackageAdminForm(data={"title": "Leeg"})
    assert not form.is_valid()
    assert form.errors["package"] == ["Kies het zip-bestand van het pakket."]


@pytest.mark.django_db
def test_editors_upload_a_package_in_the_wagtail_admin(client):
    client.force_login(StaffUserFactory(is_superuser=True))
    url = reverse("wagtailsnippets_academie_scormpackage:add")
    response = client.post(url, {"title": "", "package": upload(simple_package("Via admin"))})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ScormPackage.objects.get().title == "Via admin"
    page = client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in page
