"""Plain-text cleaner: the wordings big sites (and sites in the benchmark's other languages) put
between an article's paragraphs, each dropped by its rule in line_patterns.json or
region_markers.json with its reason, and prose using the same words kept."""
from __future__ import annotations

import pytest

from pipelines.transforms.boilerplate import strip_boilerplate
from pipelines.transforms.boilerplate.rules import rules
from pipelines.transforms.html_extract import extract_html
from tests.unit.cleaner_samples import PARA_1, PARA_2, PARA_3, PARA_4, between_paragraphs, reasons, texts

# (line as scraped, reason): one wording of each rule added for them
BETWEEN_PARAGRAPHS = [
    ("Image caption The minister spoke to reporters outside parliament", "caption"),
    ("Media playback is unsupported on your device", "browser_notice"),
    ("Your browser does not support the video tag.", "browser_notice"),
    ("These are external links and will open in a new window", "share"),
    ("Click to share on Twitter (Opens in new window)", "share"),
    ("The BBC is not responsible for the content of external sites.", "legal"),
    ("Reuse this content", "legal"),
    ("Since you're here, we have a small favour to ask.", "promo"),
    ("You have reached your limit of free articles.", "promo"),
    ("Supported by", "ad_marker"),
    ("The story continues below", "ad_marker"),
    ("A version of this article appears in print on Nov. 20, 2019, Section A, Page 1 of the New York edition.",
     "originally_published"),
    ("The post Trump faces new questions over Ukraine appeared first on Politico.", "originally_published"),
    ("Got a confidential news tip? We want to hear from you.", "author_contact"),
    ("Write to Sarah Nassauer at sarah.nassauer@example.com", "author_contact"),
    ("(Reporting by Jane Smith in London; editing by Mark Potter)", "credit"),
    ("Contributing: John Fritze", "credit"),
    ("Please enable JavaScript to view the comments powered by Disqus.", "comments"),
    ("Save my name, email, and website in this browser for the next time I comment.", "comments"),
    ("Tagged With: election, congress", "tags"),
    ("Next Article", "nav"),
    ("This article is more than 2 months old", "dateline"),
    ("Featured image: The new bridge at dusk.", "caption"),
    ("Get our free daily newsletter", "newsletter_promo"),
    ("Anzeige", "ad_marker"),
    ("Continua após a publicidade", "ad_marker"),
    ("Поделиться", "share"),
    ("Quelle: dpa", "credit"),
    ("Penulis: Andi Wijaya", "byline"),
    ("Baca juga: Jokowi lantik menteri baru", "related_link"),
    ("Alle Rechte vorbehalten.", "copyright"),
    ("Related Internet Links", "related_block"),
    ("Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.", "promo"),
    ("Mike Wall's book about the search for alien life, \"Out There\", is out now. Follow him on Twitter @michaeldwall.",
     "author_contact"),
    ("Northwind is headquartered in Oslo, Norway, has offices in 30 countries and employs about 2,400 people.",
     "about_company"),
    ("Acme Robotics is a leading provider of warehouse automation. For more information, visit www.acme.example.",
     "about_company"),
    ("Kath Sorensen covers state politics. Follow her on X, formerly Twitter, at @kathsorensen.", "author_contact"),
    ("Il vous reste 62.41% de cet article à lire. La suite est réservée aux abonnés.", "promo"),
    ("FTC: We use income earning auto affiliate links. More.", "disclosure"),
    ("Did you make this? Leave a star rating and a comment below. I love hearing from you!", "promo"),
    ("Your Email", "newsletter_promo"),
    ("Alamy Stock Photo", "image_gallery"),
    ("Par AFP", "byline"),
    ("Sponsor Message", "ad_marker"),
    ("This story comes from NPR's reporting partnership with KCUR and KFF Health News.", "credit"),
    ("Morning news, afternoon intel, evening updates — sign up for POLITICO Playbook.", "newsletter_promo"),
    ("Have a confidential tip for our reporters? Get in Touch", "author_contact"),
    ("— With assistance from Ruth Carson and Masaki Kondo", "credit"),
    ("(Updates with closing prices in second paragraph, comment from RBC in tenth.)", "credit"),
    ("Visit Business Insider's homepage for more stories.", "promo"),
    ("Have you left a job over a return-to-office mandate? Reach out to this reporter at rt@example.com.",
     "author_contact"),
    ("Get the latest insights and analysis from our Global Impact newsletter on the big stories.", "newsletter_promo"),
    ("La newsletter di Corriere Milano", "newsletter_promo"),
    ("RCS MediaGroup S.p.A. - Divisione Quotidiani Sede legale: via Angelo Rizzoli, 8 - 20132 Milano", "legal"),
    ("LINK PRESENTE: Gostou deste texto? Assinante pode liberar cinco acessos gratuitos de qualquer link por dia.",
     "promo"),
    ("Simak breaking news dan berita pilihan kita langsung di ponselmu.", "promo"),
    ("Сетевое издание РИА Новости зарегистрировано в Федеральной службе по надзору в сфере связи", "legal"),
    ("Information from the Associated Press was used in this report.", "credit"),
    ("Materials provided by University of Exeter. Note: Content may be edited for style and length.", "credit"),
    ("Image Credits: Tallo", "image_gallery"),
    ("Red and green minibuses form a key part of Hong Kong's public transport network. Photo: Dickson Lee",
     "caption"),
    ("Patients waiting on trolleys in a hospital corridor (file photo) (PA Archive)", "caption"),
    ("Riders and residents have mixed views on the scooters. (ABC North Qld: Chloe Chomicki)", "caption"),
    ("Anmelden", "nav"),
    ("This issue is sponsored by Tidemark, query-level cost tracking for Postgres.", "ad_marker"),
    ("Journal Reference:", "credit"),
    ("Related Story", "related_block"),
    ("The audio version of this article is generated by text-to-speech, a technology based on artificial intelligence.",
     "browser_notice"),
    ("Data: Coastline Risk Analytics; Chart: Axios Visuals", "image_gallery"),
    ("Go deeper: Climate change is coming for your home insurance", "related_link"),
    ("Read: The drugstore is dying", "related_link"),
    ("[ GP shortage at crisis point in parts of the west, doctors warn ]", "related_link"),
    ("Already contributed? Log in to hide these messages.", "promo"),
    ("Should you invest $1,000 in Costco Wholesale right now?", "promo"),
    ("Do you have a story to sell? Get in touch with us at webnews@example.co.uk", "author_contact"),
    ("Join ST's WhatsApp Channel and get the latest news and must-reads.", "promo"),
    ("Was Sie über KI wissen müssen – jeden Donnerstag in Ihrem Postfach.", "newsletter_promo"),
    ("Le Figaro et nos partenaires utilisons des cookies et traitons vos données personnelles.", "cookie_notice"),
    ("Todo lo que tenés que saber para arrancar el día, de lunes a viernes en tu mail.", "newsletter_promo"),
    ("Story continues", "ad_marker"),
    ("Part of the cliff collapsed on to the beach below in the early hours of Tuesday. Pic: North Yorkshire Police",
     "caption"),
    ("[관련 기사] 낮 최고 37도 '가마솥 더위'... 전국 183곳 폭염특보", "related_link"),
    ("그래픽=김현국", "image_gallery"),
    ("写真一覧", "image_gallery"),
    ("Read more from Sky News:", "related_block"),
    ("Para saber más", "related_block"),
    ("If you can, please consider supporting the Guardian today. Thank you.", "promo"),
    ("To play this video you need to enable JavaScript in your browser.", "browser_notice"),
    ("Are you affected? Share your experiences by emailing haveyoursay@example.co.uk.", "author_contact"),
    ("Ad Feedback", "ad_marker"),
    ("Get email notifications on {{subject}} daily!", "newsletter_promo"),
    ("Vous pouvez lire Le Monde sur un seul appareil à la fois (ordinateur, téléphone ou tablette).", "promo"),
    ("Our theme music is by Jim Brunberg and Ben Landsverk of Wonderly.", "credit"),
    ("Auch interessant:", "related_block"),
    ("Pie de foto, Los frailejones pueden tardar un siglo en alcanzar dos metros de altura", "caption"),
    ("Skip YouTube post, 1", "share"),
    ("Risk Disclosure: Trading in financial instruments and/or cryptocurrencies involves high risks.", "disclosure"),
    ("Visitors from overseas taste sake at a brewery in Okuizumo. | KYODO", "caption"),
    ("Le front du glacier Nordenskiöld, en juillet 2018. Photo : Hélène Vaucourt", "caption"),
    ("Wir würden hier gerne einen externen Inhalt zeigen. Sie entscheiden, ob Sie dieses Element auch sehen wollen.",
     "share"),
    ("Baca: Tanggul Laut Raksasa di Pantura Jawa Tengah Ditargetkan Mulai Dibangun Tahun Depan", "related_link"),
    ("Photo Gallery (Click to enlarge)", "image_gallery"),
    ("Share this news article on:", "share"),
    ("By subscribing, you can help us get the story right.", "promo"),
    ("Audio Staff Writer", "byline"),
    ("Harriet Marsden joined TechRadar in 2021 after five years writing about music and hi-fi.", "author_bio"),
    ("Blick auf das Heizkraftwerk Mitte in Kassel: Rund 22.000 Haushalte beziehen ihre Wärme über das Netz. "
     "© Swen Pförtner/dpa", "caption"),
    ("University of Exeter. (2023, July 18). Heat waves push bumblebees to shift foraging. ScienceDaily. "
     "Retrieved July 20, 2023 from www.sciencedaily.com/releases/2023/07/230718114512.htm", "credit"),
    ("Você já conhece as vantagens de ser assinante da Folha? Além de ter acesso a reportagens e colunas, você conta "
     "com newsletters exclusivas.", "promo"),
    ("Sen. Ruth Calderwood (D-N.M.) talks with reporters at the Capitol on Sept. 21, 2023. | Francis Chung/POLITICO",
     "caption"),
    ("Clement Lau joined the Post in 2019 and covers transport, infrastructure and housing in Hong Kong.",
     "author_bio"),
]


@pytest.mark.parametrize(("line", "reason"), BETWEEN_PARAGRAPHS, ids=[line[:40] for line, _ in BETWEEN_PARAGRAPHS])
def test_a_sites_wording_between_paragraphs_is_dropped_with_its_reason(line, reason):
    doc = between_paragraphs(line)
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)[line] == reason


@pytest.mark.parametrize("sentence", [
    "The project is supported by a grant from the regional government and two private foundations.",
    "Police said the story continues to develop, and that they had received a tip from a neighbour.",
    "Contributing to the slowdown, the report said, were higher interest rates and a weaker currency.",
    "The company, which has reached its limit of free credit with the bank, said it would raise money.",
    "Already a member of the alliance, Norway said it would not send troops to the new mission.",
    "The club offers members unlimited access to its courts for a flat monthly fee, the manager said.",
    "A confidential tip from a former employee led investigators to the warehouse, prosecutors said.",
    "Readers using an ad blocker saw a blank page, the publisher said, and it lost a fifth of its revenue.",
    "In a post on Tuesday, Transport for London told travellers to follow us @TfL for live updates as the strike spread.",
    "Oleh Petrenko, Kyiv Independent",
    "Door County",
    "Shareholders argue the guidance, which the company insists does not include forward-looking statements, was misleading.",
    "Publicado en 2019, el libro vendió más de un millón de copias en toda España y fue traducido a veinte idiomas.",
    "First published in 1851, the newspaper has won more Pulitzer Prizes than any other, and its newsroom now employs 1,700 journalists.",
    "The story continues after the war, when the family moves to Paris and the narrator finds work in a bookshop.",
    "Since you're here in the old town, it is worth climbing the cathedral tower for the view over the river.",
    "You have reached the limit of what the state will pay once your savings fall below that level, the guide explains.",
    "Image copyright claims against the site rose sharply last year.",
    "If your browser does not support the new standard, many banking sites will stop loading next year, the company warned.",
    "November 8, 2016 was a night no one in the room forgot.",
    "Cyclops, headquartered in Pittsburgh, employs about 8,900 people in Pennsylvania, Ohio and other states.",
    "Gabelli is an investment firm headquartered in New York City. Its shares are traded on the NYSE.",
    "Sumitomo is Japan's only nickel producer, and its editor of the annual report said so.",
    "See the full list of winners below, which the committee published on Tuesday afternoon.",
    "Wong joined the bank in 2015 and now covers its clients in Asia, the filing shows, from an office in Singapore.",
    "Officials said they would need to fill out this survey of damage before any federal aid could flow.",
    "The photographer added a caption to every picture, and the exhibition opens in March. Photo: Getty said no.",
])
def test_prose_with_the_same_words_is_kept(sentence):
    doc = between_paragraphs(sentence)
    assert sentence in texts(doc)


def test_a_bbc_picture_label_does_not_make_the_paragraph_above_a_caption():
    # "Image copyright" opens a picture (credit, then caption); the prose above it is the article's
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, "Image copyright", "Getty Images", PARA_3, PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)["Image copyright"] == "image_gallery"


@pytest.mark.parametrize(("line", "reason"), [
    ("Our Standards: The Thomson Reuters Trust Principles.", "legal"),
    ("Like this:", "share"),
    ("Read more about sharing.", "share"),
    ("Media playback is unsupported on your device", "browser_notice"),
])
def test_the_html_post_filter_drops_them_too(line, reason):
    paragraphs = "".join(f"<p>{p}</p>" for p in (PARA_1, PARA_2, line, PARA_3, PARA_4))
    page = f"<html><body><article><h1>Council approves budget</h1>{paragraphs}</article></body></html>"
    doc = extract_html(page)
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)[line] == reason


def test_paragraphs_between_an_ad_box_and_the_reports_credit_line_are_the_articles():
    # "Paid Content" opens a box mid-article; the two paragraphs after it end the article, over
    # its credit line, which is no wall of boilerplate around them
    credit = "CNN's Geneva Sands contributed to this report."
    last = ["The Justice Department is expected to appeal the ruling, according to a person familiar with it.",
            "The council has argued that the budget is needed to deal with a surge in the number of riders."]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, "Paid Content", *last, credit, "Paid Content",
                                       "Top 5 Cards For Excellent Credit", "NerdWallet"]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, *last]
    assert reasons(doc)[credit] == "credit"


def test_a_source_line_under_the_last_paragraph_credits_the_story_not_a_picture():
    # "SOURCE: News agencies" closes the article; were it a picture credit, the paragraph above
    # it would be taken for the picture's caption
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, PARA_4, "SOURCE:", "News agencies"]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)["SOURCE:"] == "credit"


def test_the_main_pictures_credit_under_the_article_makes_no_caption_of_its_last_paragraph():
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, PARA_4, "Main image credit: Getty", "Share"]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)["Main image credit: Getty"] == "image_gallery"


@pytest.mark.parametrize(("line", "reason"), [
    ("음반사와 저작권자들은 이번 판결에 불복해 항소할 계획이라고 밝혔다.", None),  # "copyright holders" in a sentence
    ("警察は、漫画を無断転載する海賊版サイトを運営していた男を逮捕したと発表した。", None),  # "unauthorised reposting"
    ("저작권자 ⓒ 엔터미디어, 무단전재 및 재배포금지", "copyright"),
    ("無断転載を禁じます", "copyright"),
])
def test_copyright_words_of_korean_and_japanese_drop_only_the_notice(line, reason):
    assert rules().line_reasons([line]) == [reason]


def test_a_bare_agency_credit_under_a_paragraph_makes_no_caption_of_it():
    # "Shutterstock" labels the picture; the paragraph above it is no caption
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, "Shutterstock", PARA_4]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]


def test_a_press_releases_forward_looking_statements_and_contacts_go():
    tail = ["Forward-Looking Statements",
            "This press release contains forward-looking statements within the meaning of the Private Securities "
            "Litigation Reform Act of 1995, including statements about the timing of our trial results.",
            "These statements are subject to risks and uncertainties that could cause actual results to differ "
            "materially from those expressed or implied by them.",
            "Media Contact:", "Rachel Stein", "media@example.com", "(617) 555-0142"]
    doc = strip_boilerplate("\n".join([PARA_1, PARA_2, PARA_3, PARA_4, *tail]))
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]


@pytest.mark.parametrize(("line", "reason"), [
    ("Lire aussi l’entretien | Article réservé à nos abonnés « Réformer encore l’assurance-chômage »", "related_link"),
])
def test_a_read_also_link_with_its_kind_goes(line, reason):
    doc = between_paragraphs(line)
    assert texts(doc) == [PARA_1, PARA_2, PARA_3, PARA_4]
    assert reasons(doc)[line] == reason



def test_a_sentence_that_opens_with_a_date_in_chinese_characters_is_no_dateline():
    assert rules().line_reasons(["2020年1月20日，国务院曾召开类似会议。", "2024年3月12日 18時00分"]) == [None, "dateline"]
