"""What is not the Council's measure, and what is only a mention (evals/README.md, triage, ninth round), read on the
words of labelled resolutions:

* another body's sanctions (the African Union's, ECOWAS's) are not the Council's measures (settled 2026-12-05);
* a recital that notes, welcomes or recalls a sanctions body or its report names no measure;
* what the Council would only consider doing ("it shall consider applying … an arms embargo") takes no measure;
* "the cultivation, production, trade and trafficking of illicit drugs" names the stages of one crime, not a list of
  other things beside it, while "drug trafficking, arms smuggling and trafficking in persons" is a list of crimes
  (tenth round: a stage item is the noun alone or after "the / its / their");
* a crime a recital names as an example of organized crime ("transnational organized crime, including illicit
  activities such as drug trafficking") is a mention (tenth round);
* a readiness or an intention to take, impose or adopt measures ("expresses its readiness to take appropriate measures
  … that could include assets freeze or travel ban measures") takes none (tenth round, the settled line);
* one phrase two themes match alike ("the arms embargo") is one item of a list, and the Council's words for arms
  flows and diamond bans are strong terms (eleventh round).
"""

from __future__ import annotations

import dataclasses

from briefbot.taxonomy import load_taxonomy, named_items
from briefbot.triage import DocText, ThemeHit, ThemeResult, _theme_hits, score_themes, shares_object
from triage_support import resolution


def _theme(doc: DocText, slug: str) -> ThemeResult:
    return next(t for t in score_themes(doc, load_taxonomy())[0] if t.slug == slug)


def _hits(slug: str, text: str) -> list[ThemeHit]:
    return _theme_hits(load_taxonomy().theme(slug), text)


def test_another_bodys_sanctions_are_not_the_councils_measures() -> None:
    # S/RES/2248 (2015), Burundi: its one sentence on sanctions (labelled 0); it scored 3.5 against a threshold of 3.
    au = ("Noting the decision of the African Union to impose targeted sanctions, including travel ban and asset "
          "freeze, against all the Burundian stakeholders whose actions and statements contribute to the "
          "perpetuation of violence and impede the search for a solution,")
    sanctions = _theme(resolution((None, au)), "sanctions_measures")
    assert not sanctions.tagged and sanctions.score > 0 and sanctions.evidence  # a mention, still cited
    # S/RES/2056 (2012) para. 6: ECOWAS's and the AU's sanctions, in an operative paragraph.
    from briefbot.triage import others_sanctions
    mali = "Takes note of the decisions of ECOWAS and AU to adopt targeted sanctions in Mali;"
    assert others_sanctions(mali, _hits("sanctions_measures", mali))
    # The Council's own measures count in full, in a clause of their own too.
    own = ("Decides to renew until 31 May 2016 the travel ban and asset freeze imposed by paragraphs 9 and 12 of "
           "resolution 2206 (2015);")
    assert _theme(resolution(("1", own)), "sanctions_measures").tagged
    both = ("Takes note of the decision of the African Union to impose sanctions; decides to renew the asset freeze "
            "imposed by paragraph 12 of resolution 2206 (2015)")
    assert not others_sanctions(both, _hits("sanctions_measures", both))


def test_a_recital_noting_a_sanctions_body_names_no_measure() -> None:
    # S/RES/2746 (2024) and S/RES/2543 (2020): a recital citing the Group of Experts' report, another noting the 1988
    # Committee's work; each was the resolution's one sentence on sanctions (3.0 against a threshold of 3).
    report = ("Taking note of the final 2024 report of the Group of Experts on the DRC (S/2024/432), and condemning "
              "foreign military support provided to M23 and any other armed group operating in the DRC,")
    work = ("Noting the ongoing work of the Committee established pursuant to Security Council resolution 1988 (2011) "
            "and the continuation of the cooperation of the Afghan Government and UNAMA with the Committee, including "
            "its Analytical Support and Sanctions Monitoring Team,")
    for recital in (report, work):
        sanctions = _theme(resolution((None, recital)), "sanctions_measures")
        assert not sanctions.tagged and sanctions.score > 0
    # Directing the body is the measures' implementation, which the convention counts.
    directs = ("Requests the Group of Experts to include in its reports information on the implementation of the "
               "measures and to cooperate with the Committee;")
    assert _theme(resolution(("5", directs)), "sanctions_measures").tagged
    # A recital that names a measure is not a citation of a body.
    from briefbot.triage import notes_body
    measure = ("Noting the importance of the asset freeze imposed by resolution 1970 (2011) and of the work of the "
               "Panel of Experts,")
    assert not notes_body(measure, _hits("sanctions_measures", measure))


def test_what_the_council_would_only_consider_is_a_mention() -> None:
    # S/RES/2418 (2018) para. 3: an arms embargo the Council "shall consider" if fighting is reported; it tagged arms
    # (3.0 against a threshold of 3), which the resolution labelled sanctions only does not impose.
    consider = ("Requests the Secretary-General to report by 30 June 2018 whether any fighting has taken place since "
                "adoption of this resolution and decides that if the Secretary-General reports such fighting, it shall "
                "consider applying the measures specified in paragraphs 9 and 12 of resolution 2206 (2015) to the "
                "individuals identified in Annex 1 to this resolution and/or an arms embargo within five days of the "
                "Secretary-General's report;")
    arms = _theme(resolution(("3", consider)), "arms_trafficking")
    assert not arms.tagged and arms.score > 0
    # A body the Council asks to consider something acts on the measures (S/RES/1853 (2008) para. 6).
    committee = ("Requests the Committee, in consultation with the Monitoring Group, to consider the recommendations "
                 "in the reports of the Monitoring Group and recommend to the Council ways to improve implementation "
                 "of and compliance with the arms embargo;")
    assert _theme(resolution(("6", committee)), "arms_trafficking").score == 3.0


def test_the_stages_of_one_crime_are_not_a_list_of_other_things() -> None:
    # S/RES/2543 (2020), UNAMA: its recital of its own on drugs was scored as one item of a list (1.6 of 3).
    drugs = ("Expressing concern over the cultivation, production, trade and trafficking of illicit drugs in "
             "Afghanistan which continue to pose a threat to peace and stability in the region and beyond, calling "
             "upon states to strengthen international and regional cooperation to counter this threat,")
    assert _theme(resolution((None, drugs)), "drug_trafficking").tagged
    # Other crimes beside it are still a list (the fourth round's preambular-list rule).
    listed = ("Condemning the killings, abductions, extortion and trafficking of illicit drugs by armed groups in the "
              "region,")
    assert not _theme(resolution((None, listed)), "drug_trafficking").tagged


def test_a_crime_with_its_own_object_is_not_a_bare_stage() -> None:
    # The items beside the theme's share its object only when they are bare stage nouns ("production", "the
    # trade"). S/2025/420's list (its fourth item, organ trafficking, left out), as a recital: "drug trafficking" and
    # "arms smuggling" name their own objects, so trafficking in persons is one item of a list of other crimes (the
    # ninth round's suspect).
    listed = ("Expressing concern that the compromised passport system is enabling activities such as trafficking "
              "in persons, drug trafficking and arms smuggling,")
    assert not shares_object([" drug trafficking and arms smuggling"])
    assert not _theme(resolution((None, listed)), "trafficking_in_persons").tagged
    assert shares_object(["Expressing concern over the illicit cultivation", " production", " the trade"], leads=True)
    # S/RES/2388 (2017): "recruitment and use" is not a stage of abduction; the recital names it among other abuses.
    abuses = ("Expressing grave concern over the high numbers of women and children subjected to trafficking in armed "
              "conflicts, and recognizing that acts of trafficking in persons are often associated with other "
              "violations of applicable international law and other abuses, including those involving recruitment "
              "and use, abduction and sexual violence including, inter alia, rape, sexual slavery, forced prostitution "
              "and forced pregnancy;")
    assert round(_theme(resolution((None, abuses)), "kidnapping_for_ransom").score, 2) == 0.3
    # The stages of one crime still share its object (S/RES/2543).
    drugs = ("Expressing concern over the cultivation, production, trade and trafficking of illicit drugs in "
             "Afghanistan which continue to pose a threat to peace and stability in the region and beyond,")
    assert _theme(resolution((None, drugs)), "drug_trafficking").tagged


def test_a_crime_named_as_an_example_of_organized_crime_is_a_mention() -> None:
    # S/RES/2071 (2012), Mali: its one drugs sentence (labelled 0) names drug trafficking as an example of the
    # organized crime the recital is about; it scored 4 against a threshold of 3.
    mali = ("Expressing serious concerns about criminal groups activities in the north of Mali and recognizing the "
            "urgent need for enhanced cooperation and coordination between the Malian authorities, neighbouring "
            "countries and countries of the region, in collaboration with relevant United Nations entities, regional "
            "and international organizations as well as bilateral partners, in order to tackle transnational "
            "organized crime, including illicit activities such as drug trafficking,")
    assert round(_theme(resolution((None, mali)), "drug_trafficking").score, 2) == 1.6
    # The proceeds of organized crime that finance terrorism are drug proceeds, as S/RES/2161 is labelled.
    proceeds = ("Recognizing the need to take measures to prevent and suppress the financing of terrorism and "
                "terrorist organizations, including from the proceeds of organized crime, inter alia, the illicit "
                "production and trafficking of drugs and their chemical precursors, and the importance of continued "
                "international cooperation to that aim,")
    assert _theme(resolution((None, proceeds)), "drug_trafficking").score == 4.0
    # An operative call to combat organized crime and the crimes it names counts for each (third round).
    combat = ("Calls on the Bissau-Guinean authorities to implement and review national legislations and mechanisms to "
              "combat transnational organized crime, including drug trafficking, trafficking in persons and "
              "money-laundering, which threaten security and stability in Guinea-Bissau and in the sub-region;")
    assert _theme(resolution(("10", combat)), "drug_trafficking").tagged


def test_a_readiness_to_impose_measures_is_no_measure() -> None:
    # S/RES/2645 (2022), Haiti: "expresses its readiness to take appropriate measures … that could include assets
    # freeze or travel ban measures" imposes nothing (settled 2026-12-05: a readiness or an intention to impose
    # sanctions is not a measure); it scored 3 against a threshold of 3.
    haiti = ("Demands an immediate cessation of gang violence and criminal activities, and in this regard expresses "
             "its readiness to take appropriate measures, as necessary, that could include assets freeze or travel ban "
             "measures, against those engaged in or supporting gang violence, criminal activities, or human rights "
             "abuses or who otherwise take action that undermines the peace, stability, and security of Haiti and the "
             "region, within 90 days from the adoption of this resolution;")
    assert not _theme(resolution(("2", haiti)), "sanctions_measures").tagged
    # The readiness ends where the paragraph's next verb begins: S/RES/2071's decision on Al-Qaida listings counts.
    mali = ("Calls upon Malian rebel groups to cut off all ties to terrorist organizations, notably AQIM and "
            "affiliated groups, and expresses its readiness to adopt targeted sanctions against those rebel groups who "
            "do not cut off all ties to terrorist organizations, including AQIM and affiliated groups, recalls "
            "paragraphs 20 and 24 of resolution 2056 (2012) and further decides that the 1267/1989 Committee shall "
            "take decisions on requests of Member States to add to the Al-Qaida sanctions list names of individuals, "
            "groups, undertakings, and entities in Mali that are associated with Al-Qaida, in accordance with "
            "resolutions 1267 (1999) and 1989 (2011);")
    assert _theme(resolution(("3", mali)), "sanctions_measures").tagged
    # A readiness to review an embargo in force is about that embargo (S/RES/2633, labelled arms).
    review = ("Reiterates its readiness to review arms embargo measures, through inter alia modification, suspension, "
              "or progressive lifting of these measures, in the light of progress achieved on the key benchmarks as "
              "set out in paragraph 2 of resolution 2577 (2021), and encourages the South Sudan authorities to achieve "
              "further progress in this regard;")
    assert _theme(resolution(("3", review)), "arms_trafficking").score == 3.0


def test_a_determination_to_act_against_a_crime_is_not_a_readiness_to_impose_measures() -> None:
    # S/RES/1625 (2005) para. 6 (and 2457 (2019) para. 20 in the same words): the Council's own word on the crime, an
    # operative paragraph of its own. The readiness rule is about measures the Council might impose; it read this as
    # a mention (0.4 of its score).
    act = ("Reaffirms its determination to take action against illegal exploitation and trafficking of natural "
           "resources and high-value commodities in areas where it contributes to the outbreak, escalation or "
           "continuation of armed conflict;")
    assert _theme(resolution(("6", act)), "illicit_natural_resources").tagged


def test_one_phrase_two_themes_match_alike_is_one_item_of_a_list() -> None:
    # S/RES/1439 (2002) para. 3, Angola/UNITA: "the arms embargo" names arms trafficking and the measures with the same
    # words, so with the diamonds the sentence names two things, not a list of three; it lost arms (labelled) when
    # the diamonds became a strong term (eleventh round).
    angola = ("– details on ongoing monitoring and investigation of possible violations of the arms embargo "
              "established pursuant to resolution 864 (1993) and prohibitions against the import from Angola of "
              "diamonds not controlled by the Government of Angola's certificate of origin scheme as called for "
              "under resolution 1173 (1998);")
    taxonomy = load_taxonomy(None)
    assert named_items(taxonomy, angola) == 2
    doc = resolution(("3", angola))
    assert _theme(doc, "arms_trafficking").tagged and _theme(doc, "illicit_natural_resources").tagged
    # Three crimes named in their own words are still a list.
    assert named_items(taxonomy, "arms trafficking, human trafficking and the illegal trade in natural resources") == 3


def test_arms_flows_and_diamond_bans_in_the_councils_words() -> None:
    # Eleventh-round dev labels the terms missed (each resolution labelled for the theme by a reader blind to rules).
    arms = [  # S/RES/1633 (2005) para. 19; S/RES/1749 (2007), a recital of its own
        ("19", "Urges countries neighbouring Côte d'Ivoire to prevent any cross-border movement of combatants or arms "
               "into Côte d'Ivoire;"),
        (None, "Stressing further the need for States in the region to ensure that arms and related materiel delivered "
               "to them are not diverted to or used by illegal armed groups,"),
    ]
    for label, text in arms:
        assert _theme(resolution((label, text)), "arms_trafficking").tagged, text
    diamonds = [  # S/RES/1343 (2001) para. 16; S/RES/1306 (2000)
        ("16", "Urges all diamond exporting countries in West Africa to establish Certificate of Origin regimes for "
               "the trade in rough diamonds similar to that adopted by the Government of Sierra Leone;"),
        (None, "Recalling its concern at the role played by the illicit diamond trade in fuelling the conflict in "
               "Sierra Leone,"),
    ]
    for label, text in diamonds:
        assert _theme(resolution((label, text)), "illicit_natural_resources").tagged, text
    # A diamond named in passing is still not a tag of its own.
    sector = "Noting the contribution of the diamond sector to the economy of Sierra Leone,"
    assert not _theme(resolution((None, sector)), "illicit_natural_resources").tagged


def test_a_call_for_anti_corruption_efforts_is_a_call_to_combat_corruption() -> None:
    # S/RES/1662 (2006) para. 10, UNAMA (labelled corruption in the eleventh round): one operative paragraph asking for
    # action against corruption, in a resolution of 1,300 words, scored 3 against 3.75.
    call = ("Calls on the Afghan Government to ensure continued public administrative reform and anti-corruption "
            "efforts, as described in the Compact;")
    filler = (None, "Reaffirming its strong commitment to the sovereignty, independence and territorial integrity of "
                    "Afghanistan, " + "and stressing the importance of reconstruction " * 60 + "in the country,")
    assert _theme(resolution(filler, ("10", call)), "corruption").tagged
    # Laws "including anti-money-laundering, anti-corruption and anti-bribery laws" under which trafficking networks
    # are prosecuted (S/RES/2331 (2016) para. 2 (c), labelled without corruption) are not that call.
    laws = ("Calls upon Member States to investigate, prosecute and dismantle networks involved in trafficking in "
            "persons, in accordance with national legislation, including anti-money-laundering, anti-corruption and "
            "anti-bribery laws;")
    assert not _theme(resolution(filler, ("2", laws)), "corruption").tagged


def test_the_lawful_arms_trade_an_exemption_named_and_an_intention_to_update_a_list_are_mentions() -> None:
    # Eleventh-round dev labels, each 0 for the theme: S/RES/2143 (2014), children and armed conflict, tagged arms from
    # its Arms Trade Treaty recital ("arms trade" scored like "arms trafficking"); S/RES/2245 (2015), support to
    # AMISOM, from ammunition supplied "in accordance with the relevant exemption from the arms embargo"; S/RES/2249
    # (2015), ISIL, from "its intention to swiftly update the 1267 committee sanctions list".
    att = ("Acknowledging the adoption of the Arms Trade Treaty and noting that in line with the provisions in Article "
           "7(4) of the Treaty exporting States Parties shall take into account the risk of covered conventional arms "
           "or items being used to commit or facilitate serious acts of violence against children,")
    assert not _theme(resolution((None, att)), "arms_trafficking").tagged
    assert _theme(resolution((None, "Expressing grave concern at the illicit arms trade in the region,")),
                  "arms_trafficking").tagged
    amisom = ("Encourages Member States to support AMISOM through the provision of assistance to the AU and AMISOM "
              "TCCs of financial support for the payment of troop stipends, training, technical assistance and the "
              "provision of ammunition (in accordance with the relevant exemption from the arms embargo in Somalia);")
    assert not _theme(resolution(("12", amisom)), "arms_trafficking").tagged
    isil = ("Expresses its intention to swiftly update the 1267 committee sanctions list in order to better reflect "
            "the threat posed by ISIL also known as Da'esh;")
    assert not _theme(resolution(("7", isil)), "sanctions_measures").tagged


def test_a_decision_suspending_the_measures_in_force_is_a_measure() -> None:
    # S/RES/1412 (2002) para. 1, Angola/UNITA (labelled sanctions in the eleventh round): the resolution modifies the
    # measures by suspending them, which the 2026-12-02 convention counts; its only term, "measures imposed by
    # paragraphs 4", weighed 2.5, under a strong sentence's 3.
    suspend = ("Decides that the measures imposed by paragraphs 4 (a) and (b) of resolution 1127 (1997) are suspended "
               "for a period of ninety days from the date of adoption of this resolution;")
    assert _theme(resolution(("1", suspend)), "sanctions_measures").tagged
    # Reaffirming that measures do not apply to some supplies (S/RES/1964 (2010), labelled without sanctions) is not
    # a decision on them.
    reaffirm = ("Reaffirms that the measures imposed by paragraph 5 of resolution 733 (1992) shall not apply to "
                "supplies and technical assistance provided to the Transitional Federal Government;")
    assert not _theme(resolution(("13", reaffirm)), "sanctions_measures").tagged


def test_what_a_second_reader_found_in_the_eleventh_round() -> None:
    taxonomy = load_taxonomy(None)
    # A theme is one item with another only when its strong matches are exactly the other's, whatever the themes'
    # order, and every match of a term counts: the measures named in their own words are an item of their own.
    three = "violations of the arms embargo and illicit arms trafficking, and the trade in conflict diamonds"
    assert named_items(taxonomy, three) == 3
    assert named_items(dataclasses.replace(taxonomy, themes=list(reversed(taxonomy.themes))), three) == 3
    assert named_items(taxonomy, "Decides that all States shall implement the arms embargo, the asset freeze and the "
                                 "travel ban, and shall prevent the import of conflict diamonds;") == 3
    # The Council's decisions on measures in force as it words them; not a readiness to lift them, nor a recital.
    for decision in ("Decides to terminate, with immediate effect, the measures referred to in paragraphs 3 and 4 of "
                     "resolution 1127 (1997);",
                     "Decides to renew the measures on arms and travel imposed by paragraphs 2 and 4 of resolution "
                     "1521 (2003) for a further period of twelve months;"):
        assert _theme(resolution(("1", decision)), "sanctions_measures").tagged, decision
    assert not _theme(resolution(("5", "Expresses its readiness to lift the measures imposed by paragraph 6 of "
                                       "resolution 1521 (2003) once the Government complies;")),
                      "sanctions_measures").tagged
    assert not _theme(resolution((None, "Recalling its decision to terminate the measures imposed by paragraph 6 of "
                                        "resolution 1521 (2003),")), "sanctions_measures").tagged
    # Aid diverted is not arms diverted; a comma list of what crosses a border still names the arms.
    assert not _theme(resolution((None, "Stressing the need to ensure that humanitarian assistance is not diverted to "
                                        "terrorist groups,")), "arms_trafficking").tagged
    assert _theme(resolution(("3", "Calls upon States to prevent the cross-border flows of armed combatants, arms and "
                                   "conflict minerals;")), "arms_trafficking").tagged
    # The lawful diamond trade is not the illicit one; two anti- words share their efforts.
    assert not _theme(resolution((None, "Welcoming the resumption of exports of rough diamonds from the Central "
                                        "African Republic in compliant zones,")), "illicit_natural_resources").tagged
    assert _theme(resolution(("4", "Encourages the Government to strengthen anti-corruption and transparency "
                                   "efforts;")), "corruption").tagged


def test_the_councils_older_words_for_its_measures_and_bodies() -> None:
    # Thirteenth-round dev labels, each labelled for the theme by a reader blind to the rules.
    # S/RES/1793 (2007) para. 8 exempts witnesses from a travel ban (a modification, convention 2026-12-02); S/RES/1455
    # (2003) para. 1 improves the implementation of the 1267 measures. Each weighed 2.5, under a strong sentence's 3.
    for decision in ("Acting under Chapter VII of the Charter of the United Nations, decides to exempt from the "
                     "measures imposed by paragraph 5 of resolution 1171 (1998) the travel of any witnesses whose "
                     "presence at trial before the Special Court for Sierra Leone is required;",
                     "Decides to improve the implementation of the measures imposed by paragraph 4 (b) of resolution "
                     "1267 (1999), paragraph 8 (c) of resolution 1333 (2000) and paragraphs 1 and 2 of resolution 1390 "
                     "(2002);"):
        assert _theme(resolution(("1", decision)), "sanctions_measures").tagged, decision
    # S/RES/1436 (2002) para. 13: an arms embargo in the older wording.
    comply = ("Calls upon all States to comply fully with all relevant resolutions of the Council, including the "
              "embargo on all deliveries of weapons and military equipment to Liberia;")
    assert _theme(resolution(("13", comply)), "sanctions_measures").tagged
    # S/RES/1455 (2003) para. 7 names the 1267 Committee's Monitoring Group, but "Monitoring Group" is no term: a
    # finding cited from the Somalia Group's report is about something else (S/RES/1851 (2008), labelled without
    # sanctions), and the Group's name would make a paragraph on arms and charcoal a list of three themes.
    finding = ("Notes with concern the findings contained in the 20 November 2008 report of the Monitoring Group on "
               "Somalia that escalating ransom payments are fuelling the growth of piracy;")
    assert not _theme(resolution(("9", finding)), "sanctions_measures").tagged
    # Exemptions the Council decides, in its usual words (S/RES/1509 (2003) para. 12); "Affirms … do not apply" is no
    # decision (S/RES/1964 (2010), above).
    decided = ("Decides that the measures imposed by paragraphs 5 (a) and 5 (b) of resolution 1343 (2001) shall not "
               "apply to supplies of arms and related materiel and technical training and assistance intended solely "
               "for support of or use by UNMIL;")
    assert _theme(resolution(("12", decided)), "sanctions_measures").tagged
    # S/RES/1647 (2005) para. 9 (a), the Liberia Panel's task: "the illicit trade of arms" is "the illicit trade in".
    panel = ("To investigate the implementation of the measures, including the various sources of financing, such as "
             "from natural resources, for the illicit trade of arms;")
    assert _theme(resolution(("9", panel)), "arms_trafficking").tagged
    # Other bodies' monitoring teams are no sanctions body (S/RES/1574 (2004) para. 5, the Sudan).
    teams = ("Welcomes the continued operations of the Joint Military Commission, the Civilian Protection Monitoring "
             "Team, and the Verification and Monitoring Team;")
    assert not _theme(resolution(("5", teams)), "sanctions_measures").tagged


def test_bodies_named_like_sanctions_bodies_groups_named_by_their_listing_and_an_exemption_cited() -> None:
    # Dev labels without sanctions: S/RES/1417 (2002), MONUC, and the DRC's panel on illegal exploitation (no DRC
    # regime then); S/RES/2167 (2014), the AU's independent panel; S/RES/2233 (2015), UNAMI, terrorist groups named by
    # their listing; S/RES/2245 (2015), AMISOM's ammunition under the exemption in force.
    for label, text in (
            ("15", "Requests all parties and relevant States to extend their full cooperation to the Panel of "
                   "Experts on the illegal exploitation of natural resources and other forms of wealth of the "
                   "Democratic Republic of the Congo;"),
            ("1", "Takes note of the report of the Panel of Experts (hereinafter \"the Panel\") on the Illegal "
                  "Exploitation of Natural Resources and Other Forms of Wealth of the Democratic Republic of the "
                  "Congo;"),
            ("2", "Urges member States to reinforce the international monitoring team, led by the African Union, "
                  "including the protection force envisaged by the African Union;"),
            (None, "Welcoming the decision by the African Union to review the scope of the African Standby Force, "
                   "consistent with the recommendations of the 2013 independent Panel of Experts,"),
            (None, "Expressing support for Iraq in its fight against ISIL, and to prevent terrorist groups included on "
                   "the sanctions list established by the Committee pursuant to resolutions 1267 (1999) and 1989 "
                   "(2011), in particular ISIL, from using the territories of Iraq,"),
            ("12", "Encourages Member States to support AMISOM through the provision of ammunition (in accordance with "
                   "the relevant exemption from the arms embargo in Somalia);")):
        assert not _theme(resolution((label, text)), "sanctions_measures").tagged, text
    # The Council's own panels and lists still count, and so does an exemption it decides.
    for label, text in (
            ("4", "Requests the Secretary-General to re-establish the Panel of Experts on the Central African "
                  "Republic;"),
            ("2", "Decides that all States shall freeze the funds of the individuals and entities included on the ISIL "
                  "(Da'esh) and Al-Qaida sanctions list;"),
            # S/RES/2161 (2014) para. 5: the requirements apply to the resources of those listed, a measure.
            ("5", "Confirms that the requirements in paragraph 1 (a) above apply to financial and economic resources "
                  "of every kind, including those used for the provision of Internet hosting, that are owned by "
                  "individuals, groups, undertakings or entities included on the Al-Qaida Sanctions List;"),
            ("3", "Decides that the measures imposed by paragraph 5 of resolution 733 (1992) shall not apply to "
                  "supplies of weapons intended solely for the development of the Somali National Army, as an "
                  "exemption from the arms embargo;")):
        assert _theme(resolution((label, text)), "sanctions_measures").tagged, text
    # S/RES/2549 (2020), labelled without corruption: the Council of Europe's body against corruption named as a
    # source of electoral standards.
    greco = ("Calling for the electoral framework to be improved in accordance with the Council of Europe's Group of "
             "States against Corruption (GRECO)'s recommendations,")
    assert not _theme(resolution((None, greco)), "corruption").tagged


def test_an_arms_embargo_named_as_a_kind_of_measure_is_a_mention_for_arms() -> None:
    # S/RES/2664 (2022) para. 7, the humanitarian exemption (labelled without arms): a report on sanctions' effects.
    kinds = ("Requests the Secretary-General to issue a written report on unintended adverse humanitarian consequences "
             "of Security Council sanctions measures, including travel ban and arms embargo measures, as well as "
             "those measures that are sui generis to particular sanctions regimes;")
    assert not _theme(resolution(("7", kinds)), "arms_trafficking").tagged
    assert _theme(resolution(("7", kinds)), "sanctions_measures").tagged
    # An embargo with its target is one on someone.
    imposed = ("Decides to renew until 31 July 2026 the arms embargo and travel ban imposed on the armed groups in the "
               "Central African Republic;")
    assert _theme(resolution(("1", imposed)), "arms_trafficking").tagged
    # Every match counts, and an embargo named by the paragraph that imposed it has a target (S/RES/2199 (2015) para.
    # 10, labelled arms: the targeted arms embargo on ISIL and ANF).
    named = ("Encourages Member States to report on violations of the asset freeze or arms embargo in paragraph 1 of "
             "resolution 2161 (2014), and to prevent and disrupt activity that would result in violations of the asset "
             "freeze or targeted arms embargo in paragraph 1 of resolution 2161 (2014);")
    assert _theme(resolution(("10", named)), "arms_trafficking").score >= 3


def test_the_fourteenth_rounds_labels_in_the_councils_words() -> None:
    # Fourteenth-round dev labels, read blind to the rules.
    # S/RES/2246 (2015), Somali piracy (labelled without drugs): UNODC misnamed in a recital is a body's name.
    unodc = ("Welcoming the financing provided by the Trust Fund to strengthen regional ability to prosecute suspected "
             "pirates, noting with appreciation the assistance provided by the United Nations Office of Drugs and "
             "Crime (UNODC) Maritime Crime Programme,")
    assert not _hits("drug_trafficking", unodc)
    # S/RES/2070 (2012) para. 23, MINUSTAH (labelled arms): a task against the flow of small arms.
    flow = ("Requests MINUSTAH to continue to support the Haitian authorities in their efforts to control the flow of "
            "small arms, the development of a weapons registry, the revision of current laws on importation and "
            "possession of arms;")
    assert _theme(resolution(("23", flow)), "arms_trafficking").tagged
    assert _hits("arms_trafficking", "stressing the importance of stemming the flow of weapons into the region,")
    # S/RES/2457 (2019) para. 13 (labelled sanctions): "arm embargoes imposed by the … Security Council".
    typo = ("Underlines the need for effective implementation of relevant arms control and disarmament instruments and "
            "regimes as well as arm embargoes imposed by the United Nations Security Council;")
    assert _theme(resolution(("13", typo)), "sanctions_measures").tagged
    # S/RES/2094 (2013), DPRK (labelled sanctions only): cash moved to evade the measures is sanctions evasion.
    evade = ("Expresses concern that transfers to the DPRK of bulk cash may be used to evade the measures imposed in "
             "resolutions 1718 (2006), 1874 (2009), 2087 (2013), and this resolution;")
    assert not _hits("illicit_financial_flows", evade)
    assert _hits("illicit_financial_flows", "Expresses concern at bulk cash couriers moving the group's funds;")
    assert _hits("illicit_financial_flows", "Notes bulk cash smuggling and tax evasion by the armed groups;")
    # S/RES/2663 (2022), the 1540 Committee (labelled without illicit finance): FATF's guidance on proliferation
    # financing.
    fatf = ("Taking note of efforts to prevent the financing of proliferation-related activities, and taking into "
            "consideration inter alia the guidance of the framework of the Financial Action Task Force (FATF),")
    assert not _hits("illicit_financial_flows", fatf)


def test_an_exemption_for_the_resolutions_own_operations_is_a_mention_for_the_measures() -> None:
    # S/RES/2246 (2015) para. 15, Somali piracy (labelled without sanctions, as the convention says of the
    # counter-piracy exemption): it scored 3 of the 4.4 that tagged sanctions.
    from briefbot.triage import serves_own_authorization
    piracy = ("Decides that the arms embargo on Somalia imposed by paragraph 5 of resolution 733 (1992) and further "
              "elaborated upon by paragraphs 1 and 2 of resolution 1425 (2002) and modified by paragraphs 33 to 38 of "
              "resolution 2093 does not apply to supplies of weapons and military equipment or the provision of "
              "assistance destined for the sole use of Member States, international, regional, and subregional "
              "organizations undertaking measures in accordance with paragraph 14 above;")
    sanctions = _theme(resolution(("15", piracy)), "sanctions_measures")
    assert not sanctions.tagged and sanctions.score > 0
    # An exemption for a mission still modifies the regime (S/RES/1509 (2003) para. 12).
    unmil = ("Decides that the measures imposed by paragraphs 5 (a) and 5 (b) of resolution 1343 (2001) shall not "
             "apply to supplies of arms and related materiel and technical training and assistance intended solely "
             "for support of or use by UNMIL;")
    assert _theme(resolution(("12", unmil)), "sanctions_measures").tagged
    # So does one for a force the resolution itself authorizes (S/RES/1725 (2006) para. 5, IGASOM; labelled
    # sanctions).
    igasom = ("Decides that the measures imposed by paragraph 5 of resolution 733 (1992) shall not apply to supplies "
              "of weapons and military equipment and technical training and assistance intended solely for the support "
              "of or use by the force referred to in paragraph 3 above;")
    for text in (unmil, igasom):
        assert not serves_own_authorization(resolution(("5", text)).sentences[0])


def test_a_recital_stressing_compliance_with_1701s_prohibition_is_a_mention_for_arms() -> None:
    # S/RES/2004 (2011), 2115 (2013) and 2172 (2014), UNIFIL renewals (labelled 0): their one arms sentence.
    recital = ("Emphasizing the importance of full compliance with the prohibition on sales and supply of arms and "
               "related materiel established by resolution 1701,")
    arms = _theme(resolution((None, recital)), "arms_trafficking")
    assert not arms.tagged and arms.score > 0
    # The Council monitoring its embargo on armed groups is not that recital (the DRC renewals, labelled arms).
    from briefbot.triage import stresses_prohibition
    monitor = ("Declaring its determination to closely monitor compliance with the arms embargo imposed by its "
               "resolution 1493 of 28 July 2003,")
    assert not stresses_prohibition(monitor, [(0, len(monitor))])
    # A breach of the prohibition is an arms flow.
    breach = recital[:-1] + " and expressing deep concern at reports of violations of that prohibition,"
    assert _theme(resolution((None, breach)), "arms_trafficking").tagged
    # A neighbouring recital's violations, merged into the same sentence before it, are not its breach (2004).
    merged = "Expressing deep concern at all violations in connection with resolution 1701 (2006), " + recital
    assert not _theme(resolution((None, merged)), "arms_trafficking").tagged


def test_a_call_after_a_paragraphs_first_clause_is_a_call_to_combat() -> None:
    # S/RES/1746 (2007) para. 17, UNAMA (labelled corruption): one operative paragraph, 3 against 3.75.
    call = ("Notes with concern the effects of widespread corruption on security, good governance and "
            "counter-narcotics efforts, and calls on the Afghan Government, with the assistance of the international "
            "community, to vigorously lead the fight against corruption and to sustain its efforts to establish a "
            "more effective, accountable and transparent administration;")
    filler = (None, "Reaffirming its strong commitment to the sovereignty, independence and territorial integrity of "
                    "Afghanistan, " + "and stressing the importance of reconstruction " * 60 + "in the country,")
    assert _theme(resolution(filler, ("17", call)), "corruption").tagged
    # Concern alone asks for nothing.
    concern = "Notes with concern the effects of widespread corruption on security and good governance;"
    assert not _theme(resolution(filler, ("17", concern)), "corruption").tagged
    # After a first clause, a call to fight in so many words; a demand for the "cessation" of what the clause condemns
    # is not a call against whatever else the paragraph names (S/RES/2765 (2025): a Group of Experts report cited).
    from briefbot.triage import is_call_to_combat
    cessation = ("Condemns support by any external party to M23, and demands the cessation of such support, and "
                 "expresses its deep concern at the information presented in the report of the Group of Experts;")
    welcomes = ("Welcomes the communiqué of the Contact Group and encourages Member States to continue to cooperate "
                "to combat piracy and armed robbery at sea off the coast of Somalia;")
    assert not is_call_to_combat(resolution(("3", cessation)).sentences[0])
    assert is_call_to_combat(resolution(("3", welcomes)).sentences[0])


def test_who_the_1267_measures_target_is_no_paragraph_on_financing() -> None:
    # S/RES/1390 (2002) para. 2 and S/RES/1455 (2003) para. 1 (labelled without terrorist financing): the list's
    # description of its targets was the resolutions' one financing sentence.
    targets = ("Decides that all States shall take the following measures with respect to Usama bin Laden, members of "
               "the Al-Qaida organization and the Taliban and other individuals, groups, undertakings and entities "
               "associated with them, who have participated in the financing, planning, facilitating and preparation "
               "or perpetration of terrorist acts or in supporting terrorist acts;")
    assert not _theme(resolution(("2", targets)), "terrorist_financing").tagged
    # Acting against the financing of terrorist acts still counts.
    call = "Calls upon all States to prevent and suppress the financing, planning and preparation of terrorist acts;"
    assert _theme(resolution(("3", call)), "terrorist_financing").tagged


def test_an_item_acting_against_the_crime_is_not_a_list_of_other_things() -> None:
    # S/RES/2657 (2022), UNSOM (labelled piracy): "to suppress piracy" among the actions a recital commends.
    from briefbot.triage import listed_among
    piracy = ("Commending the role played by the FGS, member states, and regional organisations to suppress piracy and "
              "armed robbery off the coast of Somalia, and taking note of UNSOM's facilitation of a Somalia-led "
              "process, coordination, and capacity building efforts,")
    assert not listed_among(piracy, _hits("piracy_maritime_crime", piracy))
    # S/RES/1890 (2009) pp 7 (labelled corruption): "to fight corruption, promote transparency and increase its
    # accountability".
    fight = ("Stressing in this context the need for further efforts by the Afghan Government to fight corruption, "
             "promote transparency and increase its accountability,")
    assert not listed_among(fight, _hits("corruption", fight))
    # A crime named beside other harms is still an item of their list.
    harms = "Condemning the killings, sexual violence, kidnappings, forced displacement and extortion by armed groups,"
    assert listed_among(harms, _hits("kidnapping_for_ransom", harms))
