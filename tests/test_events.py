"""The event rules on short sentences, with the real model."""
from __future__ import annotations

import flashpoint
from conftest import code, only


def test_subject_object_and_country_codes():
    [e] = only(code("Israeli troops attacked Hamas fighters in Rafah on Monday."), "ASSAULT")
    assert e["source"]["code"] == "ISRMIL"
    assert e["target"]["country"] == "PSE"
    assert e["date"] == "2024-03-04"
    assert e["location"]["text"] == "Rafah" and e["location"]["country"] == "PSE"


def test_negation_is_flagged():
    [e] = only(code("The army did not attack the protesters."), "ASSAULT")
    assert e["negated"] is True


def test_threat_makes_the_threatened_act_hypothetical():
    events = code("Iran threatened to attack Israel.")
    [threat] = only(events, "THREATEN")
    assert threat["source"]["country"] == "IRN"
    assert all(e["hypothetical"] for e in only(events, "ASSAULT"))


def test_coordinated_targets_give_one_event_each():
    events = only(code("Russia condemned the United States and Britain."), "ACCUSE")
    assert {e["target"]["country"] for e in events} == {"USA", "GBR"}


def test_passive_agent_and_counts():
    [e] = only(code("Five soldiers were killed by Taliban militants in Kandahar."), "ASSAULT")
    assert e["source"]["country"] == "AFG"
    assert e["target"]["sector"] == "MIL"
    assert e["fatalities"] == 5


def test_reported_speech_sets_said_by():
    [e] = only(code("Police arrested twelve protesters in Nairobi, a government spokesman said."), "COERCE")
    assert e["arrests"] == 12 and e["said_by"] == "spokesman"
    assert e["source"]["sector"] == "COP"


def test_dated_roles_follow_the_event_date():
    [before] = only(code("Raisi condemned the strike.", published="2024-01-05"), "ACCUSE")
    assert before["source"]["code"] == "IRNGOV"
    [after] = only(code("Raisi condemned the strike.", published="2024-09-01"), "ACCUSE")
    assert after["source"]["sector"] != "GOV"


def test_every_event_has_the_contract_fields():
    fields = {"event_id", "article_id", "article", "published", "sentence_index", "sentence", "trigger",
              "event_type", "mode", "cameo", "intensity", "source", "target", "location", "date", "date_text",
              "fatalities", "injuries", "arrests", "negated", "hypothetical", "said_by", "confidence", "evidence"}
    events = code("Rebels shelled the airport in Goma. Rwanda denied backing the rebels.")
    assert events
    for e in events:
        assert fields <= set(e)
        assert -10 <= e["intensity"] <= 10 and e["evidence"]


def test_titled_last_name_of_a_known_person():
    # in office on the date, and (titled in the text) before taking office
    for published in ("2005-06-01", "1999-06-01"):
        [e] = only(code("President Bush warned Moscow against new missile tests.", published), "ACCUSE")
        assert e["source"]["actor_id"] == "person:george-w-bush"
        assert (e["source"]["country"], e["source"]["sector"]) == ("USA", "GOV")


def test_secretary_general_is_a_civil_office():
    [e] = only(code("UN Secretary-General Kofi Annan urged both sides to stop the fighting.", "2003-05-01"), "REQUEST")
    assert e["source"]["sector"] == "GOV"


def test_unknown_titled_person_takes_the_country_named_in_the_sentence():
    [e] = only(code("President Tomas Velarde criticised the Bolivian opposition on Monday."), "ACCUSE")
    assert e["source"]["code"] == "BOLGOV" and e["target"]["code"] == "BOLOPP"
    [e] = only(code("Former prime minister Jonas Akerlund demanded new elections in Sweden."), "REQUEST")
    assert e["source"]["code"] == "SWEELI"


def test_the_sources_own_people_are_no_target():
    [e] = only(code("Turkey offered its troops to the Libyan government."), "AGREE")
    assert e["source"]["country"] == "TUR" and e["target"]["code"] == "LBYGOV"


def test_a_place_aimed_at_stands_for_its_people_and_a_protest_there_for_its_government():
    [e] = only(code("The army imposed a curfew in Kirkuk on Sunday."), "COERCE")
    assert (e["target"]["country"], e["target"]["sector"]) == ("IRQ", "CVL")
    [e] = only(code("Thousands of teachers demonstrated in Nairobi on Tuesday."), "PROTEST")
    assert e["source"]["sector"] == "EDU"
    assert (e["target"]["country"], e["target"]["sector"]) == ("KEN", "GOV")


def test_the_doer_of_an_event_noun_object_is_the_target():
    [e] = only(code("Riot police prevented a demonstration staged by Iranian students."), "COERCE")
    assert e["target"]["code"] == "IRNEDU"


def test_an_announced_boycott_is_a_threat():
    events = code("Egyptian leaders said they would boycott the summit with Israel.")
    [e] = only(events, "THREATEN")
    assert e["source"]["country"] == "EGY" and e["target"]["country"] == "ISR"
    assert only(events, "PROTEST", hypothetical=True)


def test_a_known_body_named_in_a_carrier_phrase_keeps_its_code():
    [e] = only(code("Kurdish villagers demanded a UN military presence in the valley."), "REQUEST")
    assert (e["target"]["country"], e["target"]["sector"]) == ("IGO", "MIL")


def test_people_take_the_country_they_are_in_not_one_named_elsewhere():
    [e] = only(code("Thousands of people blocked roads in Kenya on Monday."), "PROTEST")
    assert (e["source"]["country"], e["source"]["sector"]) == ("KEN", "CVL")
    events = code("Hundreds of students marched to protest the decision to send troops to Somalia.")
    assert all(e["source"]["country"] is None for e in only(events, "PROTEST"))


def test_in_protest_against_names_the_target_and_is_no_event_of_its_own():
    events = code("Dozens of farmers began a sit-in on Monday in protest against the Kenyan government's land seizures.")
    [e] = only(events, "PROTEST")
    assert e["source"]["sector"] == "AGR" and e["target"]["code"] == "KENGOV"


def test_a_demands_that_clause_names_whom_it_asks():
    [e] = only(code("The aid agency repeated its demand that Ethiopia lift the blockade."), "REQUEST")
    assert e["target"]["country"] == "ETH"


def test_a_mediator_mediates_between_the_parties():
    events = only(code("The emir of Qatar launched a mediation effort between Sudan and Chad on Sunday."), "CONSULT")
    assert {e["source"]["code"] for e in events} == {"QATGOV"}
    assert {e["target"]["country"] for e in events} == {"SDN", "TCD"}


def test_a_people_of_another_country_is_a_community_of_the_country_they_live_in():
    [e] = only(code("The Serbs of northern Kosovo demanded autonomy from Pristina."), "REQUEST")
    assert (e["source"]["country"], e["source"]["sector"]) == ("XKX", "CVL")


def test_a_withdrawal_is_from_a_place_by_whoever_moves():
    [e] = only(code("The Kremlin completed the withdrawal of its troops from Georgia.", "2009-05-01"), "RETREAT")
    assert e["source"]["country"] == "RUS" and e["target"]["country"] == "GEO"
    [e] = only(code("European Community foreign ministers agreed to send food aid to Albania.", "1991-05-01"), "AGREE")
    assert e["source"]["country"] == "IGO" and e["target"]["country"] == "ALB"


def test_a_by_phrase_alone_does_not_make_an_active_verb_passive():
    [e] = only(code("President Omar al-Bashir on Thursday shortened by one hour the nightly curfew.", "2005-01-10"),
               "CONCEDE")
    assert e["source"]["code"] == "SDNGOV"


def test_stative_passives_and_retreats_in_the_passive():
    [e] = only(code("Israel is opposed to French mediation in the talks, an aide said."), "REJECT")
    assert e["source"]["country"] == "ISR" and e["target"]["country"] == "FRA"
    [e] = only(code("About 300 rebel fighters were demobilized in northern Uganda last week."), "RETREAT")
    assert e["source"]["code"] == "UGAREB"


def test_counted_people_at_a_rally_protest_to_their_government():
    [e] = only(code("Thousands of Kenyans gathered for a rally in Nairobi."), "PROTEST")
    assert e["source"]["code"] == "KENCVL" and e["target"]["code"] == "KENGOV"


def test_an_offer_with_if_is_an_agreement_and_with_unless_a_threat():
    events = code("Rebel leaders said they would meet the Sudanese envoy if he dropped his conditions.")
    assert only(events, "AGREE") and not only(events, "THREATEN")
    events = code("Chad said it would withdraw its troops from the mission unless Sudan dropped its conditions.")
    assert only(events, "THREATEN")


def test_whom_a_refusal_to_allow_is_aimed_at():
    [e] = only(code("The militia refused to allow United Nations planes to land in the city."), "REJECT")
    assert e["target"]["country"] == "IGO"


def test_a_country_named_like_a_person_is_still_it():
    [e] = only(code("Chad said it would withdraw its troops from the mission unless Sudan dropped its conditions."),
               "THREATEN")
    assert e["source"]["country"] == "TCD"


def test_a_people_named_with_another_countrys_adjective_lives_there():
    [e] = only(code("Iraqi Kurds protested in Erbil on Monday."), "PROTEST")
    assert (e["source"]["country"], e["source"]["sector"]) == ("IRQ", "CVL")


def test_compound_sector_nouns_match_their_longest_known_tail():
    [e] = only(code("U.S. border patrol agents detained 40 Mexican migrants."), "COERCE")
    assert e["source"]["code"] == "USACOP"
    [e] = only(code("Seven opposition parties in Nepal organized a general strike."), "PROTEST")
    assert e["source"]["code"] == "NPLOPP"


def test_demands_partners_threats_and_investigations_find_their_targets():
    [e] = only(code("The aid agency reiterated its demand today that Ethiopia ease the restrictions."), "REQUEST")
    assert e["target"]["country"] == "ETH"
    [e] = only(code("France demanded that its European Union partners refuse the deal."), "REQUEST")
    assert e["target"]["code"] == "IGOEUR"
    [e] = only(code("The interior minister warned that police would no longer tolerate rallies by the Muslim Brotherhood."),
               "THREATEN")
    assert e["target"]["country"] == "EGY"
    [e] = only(code("A judge opened fraud investigations against 28 Chilean government officials."), "ACCUSE")
    assert e["target"]["code"] == "CHLGOV"
    [e] = only(code("The Third World Water Forum concluded that rich nations must spend more on water."), "REQUEST")
    assert e["source"]["country"] == "NGO"


def test_protesters_blocking_roads_protest_against_someone_else():
    [e] = only(code("Hundreds of people blocked streets in Hong Kong in defiance of Chinese authorities."), "PROTEST")
    assert e["source"]["country"] == "HKG" and e["target"]["code"] == "CHNGOV"
    [e] = only(code("Protesters in Basra blocked a bridge to show their anger at Turkey's dam policy."), "PROTEST")
    assert e["source"]["code"] == "IRQCVL" and e["target"]["country"] == "TUR"


def test_an_acronym_in_brackets_abbreviates_the_name_before_it():
    # (PPK is also a known president's initials)
    [e] = only(code("Quito Transport Workers Association (PPK) officials demanded higher wages from the ministry."),
               "REQUEST")
    assert e["source"]["country"] == "ECU"


def test_titled_officials_of_a_known_body_and_leaders_of_a_people():
    [e] = only(code("Arab League Secretary General Ahmed Aboul Gheitani visited Damascus on Monday."), "CONSULT")
    assert e["source"]["country"] == "IGO"
    [e] = only(code("Palestinian leaders said they would boycott the conference."), "THREATEN")
    assert e["source"]["code"] == "PSEGOV"


def test_two_parties_agreeing_is_one_event_between_them():
    [e] = only(code("Jordan and Britain agreed to hold joint military exercises this month."), "AGREE")
    assert {e["source"]["country"], e["target"]["country"]} == {"JOR", "GBR"}


def test_a_meeting_needs_a_counterpart():
    assert not only(code("Israel's cabinet met on Sunday."), "CONSULT")
    assert only(code("Israel's prime minister met the Jordanian king on Sunday."), "CONSULT")


def test_the_reason_given_for_an_arrest_is_alleged():
    events = code("A missionary was arrested in Lebanon for collaborating with Israel.")
    assert only(events, "COOPERATE", hypothetical=True) and not only(events, "COOPERATE", hypothetical=False)


def test_a_when_clause_of_the_same_kind_tells_the_same_event():
    events = only(code("Two suicide bombers killed 23 people late Sunday when they blew themselves up in Tel Aviv."),
                  "ASSAULT")
    assert len(events) == 1 and events[0]["fatalities"] == 23


def test_a_sector_word_beside_a_weak_title_decides_the_sector():
    [e] = only(code("Police chief Ahmed Fawzi warned that rallies would not be tolerated."), "THREATEN")
    assert e["source"]["sector"] == "COP"
    [e] = only(code("The minister allowed opposition leader Tomas Brenner to hold a rally in Prague."), "CONCEDE")
    assert e["target"]["code"] == "CZEOPP"


def test_an_acronym_that_spells_the_unknown_name_before_it_is_kept():
    [e] = only(code("The Jamaat Nusrat Islam Muslimin (JNIM) repeated its demand that Mali's junta free its fighters."),
               "REQUEST")
    assert e["source"]["code"] == "MLIREB"
    # a translated name may order its initials otherwise
    [e] = only(code("Fighters of the Front for National Liberation (FLN) attacked the town."), "ASSAULT")
    assert e["source"]["country"] == "DZA"
    # after a description or a country, a known body's acronym names the phrase
    [e] = only(code("Militants attacked the peacekeeping mission in Mali (MINUSMA) on Sunday.", "2020-01-01"), "ASSAULT")
    assert e["target"]["code"] == "IGOUNOMIL"


def test_ethnic_adjectives_and_people_living_somewhere():
    [e] = only(code("Many ethnic Armenian guerrillas operating in Azerbaijan have been demobilized.", "2002-01-01"),
               "RETREAT")
    assert e["source"]["code"] == "AZEREB" and e["location"]["country"] == "AZE"
    [e] = only(code("The government refused to lift the curfew on Palestinians living in Gaza."), "REJECT")
    assert (e["target"]["country"], e["target"]["sector"]) == ("PSE", "CVL")


def test_coordinated_country_adjectives_give_one_actor_each_and_objects_control_infinitives():
    events = code("Egyptian and Qatari mediators urged Hamas to accept the deal.")
    assert {e["source"]["code"] for e in only(events, "REQUEST")} == {"EGYGOV", "QATGOV"}
    [e] = only(events, "AGREE")
    assert e["source"]["code"] == "PSEREB" and e["hypothetical"] is True
    [e] = only(code("The Turkish and Greek sides of the island have agreed to share information."), "AGREE")
    assert {e["source"]["country"], e["target"]["country"]} == {"TUR", "GRC"}


def test_whose_act_and_what_a_demand_asks():
    [e] = only(code("Lithuania on Monday denounced as a brutal act Belarus's crackdown on the protests in Minsk."), "ACCUSE")
    assert e["target"]["country"] == "BLR"
    [e] = only(code("The rebel group insisted on its demands that Burundi's government grant more rights."), "REQUEST",
               hypothetical=False)
    assert e["target"]["code"] == "BDIGOV"


def test_places_held_by_an_actor_stand_for_it():
    [e] = only(code("Militias have been shelling the outposts occupied by the Turkish army."), "ASSAULT")
    assert e["target"]["code"] == "TURMIL"


def test_a_definite_event_noun_takes_the_day_of_the_event_told_before():
    events = code("Rebels attacked a convoy near Goma on Tuesday. The army said the attack had been repelled.",
                  "2024-03-08")
    days = {e["date"] for e in only(events, "ASSAULT")}
    assert days == {"2024-03-05"}


def test_joint_exercises_of_two_are_one_cooperation_between_them():
    [e] = only(code("Egypt and Greece held joint naval exercises in the Mediterranean on Monday."), "COOPERATE")
    assert {e["source"]["country"], e["target"]["country"]} == {"EGY", "GRC"}


def test_supporters_of_a_former_leader_and_a_capitals_security_chief():
    [e] = only(code("Some 300 supporters of former President Evo Morales blocked highways near La Paz."), "PROTEST")
    assert e["source"]["code"] == "BOLOPP"
    [e] = only(code("Cairo's security chief warned that police would no longer tolerate rallies by the group."),
               "THREATEN")
    assert e["source"]["code"] == "EGYCOP"


def test_investigations_into_acts_of_others_and_places_named_as_the_city_of_x():
    [e] = only(code("Serbian military police launched an investigation into alleged crimes committed by Croat forces."),
               "ACCUSE")
    assert e["target"]["code"] == "HRVMIL"
    [e] = only(code("About 200 supporters of the opposition blocked roads in the capital city of Algiers."), "PROTEST")
    assert e["target"]["code"] == "DZAGOV"


def test_what_happened_at_the_place_long_before_is_background():
    events = code("About 100 ethnic Albanians demonstrated on Tuesday in Serbia, where 24 people were killed in riots last March.")
    assert [e["event_type"] for e in events if not e["hypothetical"]] == ["PROTEST"]
    assert only(events, "PROTEST")[0]["trigger"]["text"] == "demonstrated"


def test_whoever_puts_a_proposal_is_named_in_its_from_phrase():
    [e] = only(code("Kenya rejected a new offer from Somalia for talks on the border."), "REJECT")
    assert e["source"]["country"] == "KEN" and e["target"]["country"] == "SOM"


def test_security_forces_are_the_military():
    [e] = only(code("Nigerian security forces attacked the village on Monday."), "ASSAULT")
    assert e["source"]["code"] == "NGAMIL"


def test_a_dateline_is_no_subject():
    events = only(code("Jets strike rebel sites\n\nSANAA, Jan 12 — American warplanes struck rebel sites."), "ASSAULT")
    [lede] = [e for e in events if e["sentence"].startswith("American")]
    assert lede["source"]["code"] == "USAMIL"
    assert not any("SANAA" in e["source"]["text"] or "SANAA" in e["sentence"] for e in events)


def test_a_planned_event_is_hypothetical_and_its_planners():
    [e] = only(code("The European Union is considering sanctions against Iran."), "SANCTION")
    assert e["hypothetical"] and e["source"]["code"] == "IGOEUR" and e["target"]["country"] == "IRN"
    [e] = only(code("Police arrested three men suspected of planning attacks on a base."), "ASSAULT")
    assert e["hypothetical"]


def test_halting_talks_and_expelling_missions_reduce_relations_and_what_a_meeting_aims_at_is_planned():
    events = code("Egypt halted its mediation between Israel and Hamas on Monday.")
    assert not only(events, "CONSULT")
    assert {e["target"]["country"] for e in only(events, "SANCTION")} == {"ISR", "PSE"}
    [e] = only(code("Qatar ended talks with the Taliban."), "SANCTION")
    assert e["cameo"] == "164" and e["target"]["country"] == "AFG"
    events = code("The two presidents held a summit aimed at restoring diplomatic relations between their countries.")
    assert all(e["hypothetical"] for e in events if e["event_type"] != "CONSULT")
    # expelling a mission or an agency reduces relations; expelling people coerces them
    [e] = only(code("Burundi expelled the UN refugee agency."), "SANCTION")
    assert e["mode"] == "expel" and e["target"]["country"] == "IGO"
    [e] = only(code("Israel expelled three Palestinian activists to Gaza."), "COERCE")
    assert e["mode"] == "deport"


def test_what_protesters_demand_is_what_their_protest_is_about():
    events = code("Thousands of Kurds demonstrated in Erbil on Sunday calling for independence from Iraq.")
    assert not only(events, "REQUEST")
    [e] = only(events, "PROTEST")
    assert e["target"]["country"] == "IRQ"
    events = code("Dozens of teachers began a hunger strike on Monday to demand higher pay from the Kenyan government.")
    assert not only(events, "REQUEST", hypothetical=False)
    [e] = only(events, "PROTEST")
    assert e["mode"] == "hunger" and e["target"]["code"] == "KENGOV"
    # a demand told on its own stays one
    events = code("Thousands of Kurds demonstrated in Erbil on Sunday, and the Kurdish parliament called for a vote.")
    assert only(events, "REQUEST") and only(events, "PROTEST")


def test_what_happens_only_before_or_until_something_is_not_done_yet():
    [e] = only(code("The rebels said the government must release all prisoners before they disarm."), "RETREAT",
               mode="disarm")
    assert e["hypothetical"]
    [e] = only(code("Troops shelled the town before they withdrew on Monday."), "RETREAT")
    assert not e["hypothetical"]


def test_a_sanction_held_over_someone_on_a_condition_is_a_threat():
    [e] = only(code("Washington will cut aid to the army unless it frees the president."), "THREATEN")
    assert e["source"]["country"] == "USA"
    assert only(code("The European Union may halt its mediation if the fighting goes on."), "THREATEN")
    assert not only(code("The European Union may halt its mediation."), "THREATEN")


def test_letting_foreign_missions_in_grants_access_and_ending_a_siege_retreats():
    [e] = only(code("Kyrgyzstan received a mission of observers from the OSCE on Monday."), "RETREAT")
    assert e["mode"] == "access" and e["source"]["country"] == "KGZ" and e["target"]["country"] == "IGO"
    [e] = only(code("Israel granted access to UN monitors on Friday."), "RETREAT")
    assert e["mode"] == "access" and e["target"]["country"] == "IGO"
    # easing a military blockade de-escalates; easing a curfew concedes
    [e] = only(code("Russian forces ended the siege of Chernihiv."), "RETREAT")
    assert e["cameo"] == "0872" and e["target"]["country"] == "UKR"


def test_a_light_verbs_event_noun_is_the_news():
    [e] = code("The army gave a final warning to the rebels.")
    assert e["event_type"] == "THREATEN" and e["source"]["sector"] == "MIL" and e["target"]["sector"] == "REB"
    [e] = code("Students joined the protests against the government.")
    assert e["event_type"] == "PROTEST" and e["target"]["sector"] == "GOV"
    # a promise stays a promise, and a phrase of its own stays what it is
    assert only(code("Germany offered support to Ukraine."), "AGREE")
    assert only(code("The teachers' union called off its strike on Monday."), "CONCEDE")


def test_a_verb_the_tagger_took_for_an_adjective_still_counts_when_it_has_a_subject():
    [e] = only(code("The army tortured prisoners, Amnesty International said on Friday."), "ASSAULT")
    assert e["mode"] == "torture" and e["source"]["sector"] == "MIL" and e["target"]["sector"] == "CVL"


def test_a_complaint_said_after_the_clause_it_reports_is_against_that_clauses_subject():
    [e] = code("Kenyan authorities are failing to protect refugees, a human rights group protested on Wednesday.")
    assert e["event_type"] == "ACCUSE" and e["source"]["country"] == "NGO" and e["target"]["code"] == "KENGOV"
    [e] = code("The government is starving the north, the opposition complained on Monday.")
    assert e["event_type"] == "ACCUSE" and e["target"]["sector"] == "GOV"
    [e] = code("Thousands of people protested in Nairobi on Monday.")
    assert e["event_type"] == "PROTEST"


def test_states_words_are_their_governments_and_orders_to_leave_expel():
    [e] = only(code("Russia urged restraint on Tuesday."), "REQUEST")
    assert e["source"]["code"] == "RUSGOV"
    [e] = only(code("Poland on Wednesday ordered four Russian diplomats to leave the country."), "SANCTION")
    assert e["mode"] == "expel" and e["target"]["code"] == "RUSGOV"
    [e] = only(code("Authorities ordered 300 migrants to leave the camp."), "COERCE")
    assert e["mode"] == "deport"
    assert only(code("The general ordered his troops to leave the town."), "REQUEST")


def test_internet_cuts_bans_on_gatherings_and_vows_to_hunt_down():
    events = code("Pakistani authorities suspended mobile internet services and banned public gatherings for a week.")
    assert {e["mode"] for e in only(events, "COERCE")} == {"censor", "restrict"}
    [ban] = only(events, "COERCE", mode="restrict")
    assert ban["target"]["code"] == "PAKCVL"
    [e] = code("The interior minister vowed that those behind the attack would be hunted down.")
    assert e["event_type"] == "THREATEN"


def test_the_bombing_told_before_is_the_bomb_that_exploded_not_the_last_raid():
    events = code("A bomb exploded in a market in Quetta, killing nine people. Police later raided a hideout and "
                  "killed two militants. The United States condemned the bombing.")
    [e] = only(events, "ACCUSE")
    assert e["source"]["country"] == "USA" and (e["target"] or {}).get("sector") != "COP"


def test_the_kingdom_is_the_country_named_before():
    [e] = only(code("Saudi Arabia called for restraint. The kingdom has been holding talks with the Houthis."), "CONSULT")
    assert e["source"]["country"] == "SAU" and e["target"]["code"] == "YEMREB"


def test_the_killed_vow_nothing_the_speaker_does():
    [e] = only(code("The Houthis said five of their fighters were killed in the raids and vowed to retaliate."), "THREATEN")
    assert e["source"]["text"] == "The Houthis"


def test_the_event_told_before_is_whom_a_condemnation_is_aimed_at():
    events = code("American warplanes struck rebel sites in Yemen on Friday. Iran condemned the strikes.")
    [e] = only(events, "ACCUSE")
    assert e["target"]["code"] == "USAMIL" and e["target"]["text"] == "the strikes"


def test_all_parties_are_the_sides_not_a_political_party():
    [e] = only(code("Saudi Arabia urged all parties to avoid escalation."), "REQUEST")
    assert e["target"] is None


def test_an_office_in_an_armed_group_is_no_state_title():
    [e] = only(code("RSF commander Mohamed Hamdan Dagalo accused the army of targeting civilians.",
                    published="2024-02-03"), "ACCUSE")
    assert e["source"]["code"] == "SDNREB"  # his record on that day, not "commander" → MIL


def test_a_subject_parsed_under_its_auxiliary_is_still_the_subject():
    events = code("Sudan's paramilitary Rapid Support Forces shelled districts of Omdurman on Saturday, killing "
                  "at least 12 civilians, medics said, as peace talks in Jeddah remained suspended.")
    assert not only(events, "SANCTION")  # the talks are suspended; nobody suspends the rebels


def test_who_comes_for_talks_holds_them_and_their_topic_has_not_happened():
    events = code("Hamas negotiators arrived in Cairo on Monday for talks with Egyptian mediators on a truce.")
    talks = [e for e in only(events, "CONSULT") if e["trigger"]["text"] == "talks"]
    assert talks and talks[0]["source"]["code"] == "PSEREB" and talks[0]["target"]["country"] == "EGY"
    assert all(e["hypothetical"] for e in events if e["trigger"]["text"] == "truce")


def test_people_doing_something_in_a_participle_do_it_as_a_fact():
    events = code("Police fired tear gas to scatter crowds protesting the fuel price rise in Nairobi.")
    [e] = only(events, "PROTEST")
    assert e["source"]["sector"] == "CVL" and not e["hypothetical"]


def test_sworn_to_fight_is_a_threat():
    [e] = only(code("Ethnic Albanian rebels have sworn to fight until they control the villages."), "THREATEN")
    assert e["source"]["sector"] == "REB"


def test_she_refers_back_to_a_person_named_by_a_noun():
    events = code("Police arrested the journalist in May. She was charged with treason.")
    [e] = only(events, "ACCUSE")
    assert e["target"]["sector"] == "JRN"


def test_an_order_is_a_demand_and_a_guilty_plea_no_request():
    [e] = only(code("The court ordered the army to release the detainees."), "REQUEST")
    assert e["source"]["sector"] == "JUD" and e["target"]["sector"] == "MIL"
    assert not only(code("The suspect pleaded not guilty to charges of lying to investigators."), "REQUEST")


def test_missiles_launched_at_a_target_are_an_assault():
    [e] = only(code("Russia launched dozens of cruise missiles at Ukraine's energy grid overnight."), "ASSAULT")
    assert e["source"]["country"] == "RUS" and e["target"]["country"] == "UKR"


def test_naming_is_no_call_and_an_adjectival_participle_no_event():
    events = code("President Volodymyr Zelensky called the attack pure terror.")
    assert not only(events, "CONSULT")
    events = code("Drones struck the bridge linking Russia to occupied Crimea.")
    assert [e["trigger"]["text"] for e in only(events, "ASSAULT")] == ["struck"]


def test_a_participle_after_the_speaker_is_the_speakers():
    events = code("Sea drones struck the bridge, Russia's defence ministry said, accusing Kyiv of terrorism.")
    [e] = only(events, "ACCUSE")
    assert e["source"]["code"] == "RUSMIL" and e["target"]["code"] == "UKRGOV"


def test_his_government_is_the_government_of_the_one_his_refers_to():
    events = code("Lebanese Prime Minister Najib Mikati accused Israel of aggression and said his government "
                  "had filed a complaint with the UN Security Council.", published="2024-01-09")
    [e] = [e for e in only(events, "ACCUSE") if e["trigger"]["text"] == "complaint"]
    assert e["source"]["code"] == "LBNGOV"


def test_a_warning_about_what_no_one_does_is_no_threat_and_a_deals_terms_no_promise():
    assert not only(code("Blinken warned that the conflict could spread."), "THREATEN")
    events = code("France has been trying to broker a deal under which Hezbollah would pull its fighters back.")
    assert not [e for e in only(events, "AGREE") if e["source"] and e["source"]["code"] == "LBNREB"]


def test_an_actors_words_stop_before_a_relative_clause():
    [e] = only(code("Antony Blinken, who met Israeli leaders in Tel Aviv on Tuesday, condemned the attack.",
                    published="2024-01-09"), "ACCUSE")
    assert e["source"]["text"] == "Antony Blinken"


def test_people_take_no_country_from_the_other_side_of_a_border():
    events = code("Niger's army said gunmen killed 17 soldiers in an ambush near the border with Mali.")
    [e] = only(events, "ASSAULT")
    assert e["target"]["country"] == "NER"


def test_the_defence_ministry_is_not_the_foreign_ministry_named_before():
    events = code("The foreign ministry of France condemned the coup. Gunmen killed 17 soldiers in Niger, "
                  "the defence ministry said, blaming jihadists.")
    [e] = only(events, "ACCUSE")[-1:]
    assert e["source"]["sector"] == "MIL"


def test_a_rally_is_against_what_its_slogans_are_against_and_an_order_refers_back():
    [e] = only(code("Thousands rallied in Niamey, waving Russian flags and chanting slogans against France."),
               "PROTEST")
    assert e["target"]["country"] == "FRA"
    events = code("Niger's rulers ordered the French ambassador to leave. France rejected the order.")
    [e] = only(events, "REJECT")
    assert e["target"]["country"] == "NER"


def test_speakers_are_not_the_targets_of_their_own_warning():
    events = only(code("Mali and Burkina Faso warned that any intervention would be treated as a declaration of "
                         "war against them."),
                  "THREATEN")
    assert events and all(e["target"] is None for e in events)


def test_a_sponsor_is_not_the_actor():
    [e] = only(code("Iran-backed militias attacked a US base in Iraq on Thursday."), "ASSAULT")
    assert e["source"]["code"] == "IRQUAF"
    events = code("Houthi rebels attacked ships. The Iran-backed group said its fighters had seized a tanker.")
    assert {e["source"]["code"] for e in events} == {"YEMREB"}


def test_repelling_an_attack_is_fighting_the_attackers_and_a_vow_to_continue_an_offensive_a_threat():
    events = code("Al-Shabaab militants stormed a military base in Somalia on Thursday. "
                  "The army said it repelled the attack.")
    [e] = [e for e in only(events, "ASSAULT") if e["trigger"]["text"] == "repelled"]
    assert e["source"]["code"] == "SOMMIL" and e["target"]["code"] == "SOMREB"
    [e] = only(code("The president vowed to continue the offensive against the insurgents."), "THREATEN")
    assert e["target"]["sector"] == "REB"


def test_a_clause_restated_as_a_charge_that_is_denied_is_still_told():
    [e] = only(code("Congo's government accused Kigali of violating its sovereignty, a charge Rwanda denies."), "ACCUSE")
    assert not e["hypothetical"] and e["target"]["code"] == "RWAGOV"


def test_what_an_attack_on_a_place_did_is_the_attacks():
    events = code("The strikes followed a drone attack on a US outpost in Jordan that killed three American soldiers.",
                  published="2024-02-03")
    [e] = only(events, "ASSAULT")
    assert e["trigger"]["text"] == "attack" and e["fatalities"] == 3
    assert e["location"]["country"] == "JOR"  # a US outpost in Jordan is in Jordan


def test_the_one_who_withdraws_is_not_the_one_who_asks_for_it():
    events = code("Prime Minister Mohammed Shia al-Sudani called for the withdrawal of the US-led coalition.",
                  published="2024-02-03")
    [e] = only(events, "RETREAT")
    assert e["source"]["country"] == "USA"


def test_suspending_attacks_is_a_ceasefire_and_an_alleged_reason_is_hypothetical():
    [e] = only(code("Kataib Hezbollah said it was suspending military operations against US troops."), "RETREAT")
    assert e["mode"] == "ceasefire"
    events = code("The army arrested two men on suspicion of firing rockets at Ain al-Asad air base.")
    assert all(e["hypothetical"] for e in only(events, "ASSAULT"))
    [arrest] = only(events, "COERCE")
    assert arrest["arrests"] == 2


def test_people_in_a_town_are_of_the_towns_country():
    [e] = only(code("Police arrested three men in Basra on Monday."), "COERCE")
    assert e["target"]["code"] == "IRQCVL" and e["source"]["code"] == "IRQCOP"


def test_coordinated_weapons_launched_and_guilty_of_violating():
    [e] = only(code("Saudi-led forces launched artillery, mortar, and rocket fire against Houthi camps near the "
                    "border on Sunday."), "ASSAULT")
    assert e["source"]["code"] == "SAUMIL" and e["target"]["code"] == "YEMREB"
    events = only(code("Both the Philippine military and the Moro Islamic Liberation Front are guilty of "
                       "violating the ceasefire."), "ASSAULT")
    assert {e["source"]["code"] for e in events} == {"PHLMIL", "PHLREB"}


def test_british_and_american_spellings_of_a_name_are_one_name():
    events = code("The Organization of African Unity condemned the coup in Niger.")
    [e] = only(events, "ACCUSE")
    assert e["source"]["actor_id"] == "igo:AU"


def test_a_curfew_imposed_somewhere_and_force_used_for_a_purpose():
    [e] = only(code("President Kassym-Jomart Tokayev on Friday shortened by two hours the nightly curfew imposed in "
                    "Kazakhstan.", "2022-01-20"), "CONCEDE")
    assert e["source"]["code"] == "KAZGOV" and e["target"]["code"] == "KAZCVL"
    [e] = only(code("Egyptian police opened fire to disperse demonstrators on Monday night."), "ASSAULT", hypothetical=False)
    assert e["target"]["code"] == "EGYCVL"


def test_a_word_of_a_known_name_is_no_trigger_and_one_body_is_one_source():
    events = code("The Asia-Pacific Economic Cooperation forum has agreed to set up an energy research center.")
    assert not only(events, "COOPERATE")
    [e] = only(code("A Myanmar junta airstrike killed dozens at a village gathering."), "ASSAULT")
    assert e["source"]["code"] == "MMRGOV"


def test_the_junta_refers_back_to_a_body_named_as_a_modifier_and_a_weak_title_keeps_the_record():
    events = code("A Myanmar junta airstrike killed dozens. The European Union and the United States urged "
                  "the junta to end its violence.", published="2023-04-12")
    assert {e["target"]["code"] for e in only(events, "REQUEST")} == {"MMRGOV"}
    [e] = only(code("Workers marched through Yangon to demand the release of detained leader Aung San Suu Kyi.",
                    published="2023-04-12"), "PROTEST")
    assert e["source"]["country"] == "MMR" and e["target"]["code"] == "MMROPP"


def test_the_strikes_told_before_keep_their_doer_and_the_speaker_vows():
    events = code("India said it struck nine sites in Pakistan early on Wednesday. Pakistan said the strikes "
                  "killed 26 civilians and vowed to retaliate.", published="2025-05-07")
    [later] = [e for e in only(events, "ASSAULT") if e["trigger"]["text"] == "strikes"]
    assert later["source"]["country"] == "IND" and later["fatalities"] == 26 and later["mode"] is None
    [vow] = only(events, "THREATEN")
    assert vow["source"]["code"] == "PAKGOV"  # a state's threat is its government's
    [first] = [e for e in only(events, "ASSAULT") if e["trigger"]["text"] == "struck"]
    assert first["target"]["country"] == "PAK"


def test_an_explosion_that_killed_and_wounded_is_one_doer_and_people_in_a_village_of_a_town():
    events = code("A roadside bombing near the town of Samarra killed one U.S. soldier and wounded two others, "
                  "the military said.")
    assert not [e for e in only(events, "ASSAULT") if e["source"] and e["source"]["text"] == "the military"]
    [e] = only(code("Troops fired artillery overnight, killing at least 10 people in the village of Poonch."), "ASSAULT")
    assert e["target"]["code"] == "INDCVL"


def test_a_stance_is_no_nationality_and_a_named_town_gives_its_country():
    # "pro-Russian", "anti-government": what the actor stands for, not where it is from
    [e] = only(code("Pro-Russian separatists shelled the town of Avdiivka on Monday."), "ASSAULT")
    assert e["source"]["country"] != "RUS" and e["source"]["sector"] == "REB"
    assert e["target"]["code"] == "UKRCVL"  # the town's people, in the town's country
    [e] = only(code("An anti-Syria journalist was killed by gunmen in Tripoli."), "ASSAULT")
    assert e["target"]["country"] != "SYR"
    [e] = only(code("Israeli troops killed three residents of Jenin on Tuesday."), "ASSAULT")
    assert e["target"]["code"] == "PSECVL"


def test_an_ally_or_a_neighbour_of_x_is_not_x():
    [e] = only(code("Hamas gunmen shot dead a deputy leader of Israel's militia ally in southern Gaza."), "ASSAULT")
    assert e["target"]["country"] == "PSE"
    [e] = only(code("Iran's proxies in Iraq attacked a US base."), "ASSAULT")
    assert e["source"]["code"] == "IRQUAF"
    [e] = only(code("Serbia protested to Albania, accusing its neighbour of arming rebels."), "ACCUSE")
    assert e["source"]["country"] == "SRB" and e["target"]["country"] == "ALB"


def test_the_forces_a_country_mobilises_are_not_its_target():
    [e] = only(code("Poland mobilized army reservists for a possible war against Belarus."), "MOBILIZE")
    assert e["source"]["country"] == "POL" and e["target"]["country"] == "BLR"
    [e] = only(code("Russia massed troops near the frontier."), "MOBILIZE")
    assert e["target"] is None


def test_a_labour_strike_is_a_protest_and_a_strike_that_kills_an_assault():
    [e] = code("Students at the university announced a strike for Thursday.")
    assert e["event_type"] == "PROTEST" and e["mode"] == "strike"
    assert [e["event_type"] for e in code("Dock workers went on strike on Monday.")] == ["PROTEST"]
    assert only(code("The strike killed three militants."), "ASSAULT")
    assert not only(code("The strike killed three militants."), "PROTEST")


def test_words_passed_on_are_no_aid_no_request_and_a_missile_slamming_into_a_house_no_criticism():
    assert code("The rebels did not respond to a request for comment.") == []
    assert not only(code("The president sent a message of condolence to the families."), "AID")
    assert code("The army did not give a death toll.") == []
    events = code("A Russian missile slammed into a residential building in Odesa, killing five people.")
    assert [e["event_type"] for e in events] == ["ASSAULT"]
    assert only(code("Iran slammed the decision."), "ACCUSE")
    assert only(code("Japan sent aid to Turkey."), "AID")


def test_a_known_name_ending_an_unknown_longer_name_is_not_that_body():
    [e] = only(code("The opposition Social Democratic Party accused the government of rigging the vote in Lagos."),
               "ACCUSE")
    assert e["source"]["country"] != "USA"  # not the US Democratic Party
    [e] = only(code("Al Qassam Brigades fighters attacked Israeli troops."), "ASSAULT")
    assert e["source"]["country"] == "PSE"  # a name particle before a known name is part of it


def test_they_agrees_in_number_and_people_are_where_they_act_not_whose_role_is_named():
    events = code("In Kinshasa, hundreds of young protesters burned tyres outside embassies, accusing Western "
                  "governments of tolerating Rwanda's role. Police fired tear gas to disperse them.")
    [accuse] = only(events, "ACCUSE")
    assert accuse["source"]["code"] == "CODCVL"  # in Kinshasa, whatever Rwanda's role
    assert accuse["target"]["country"] is None  # "Western governments" are not Congo's
    [gas] = only(events, "ASSAULT", hypothetical=False)
    assert gas["target"]["code"] == "CODCVL"  # "them": the protesters, not Rwanda
    [e] = only(code("Hamas fighters attacked an Israeli army post. Israel said they killed two soldiers."),
               "ASSAULT", sentence_index=1)
    assert e["source"]["country"] == "PSE"


def test_rights_groups_are_ngos_and_who_attacked_when_people_were_killed_killed_them():
    [e] = code("Human rights groups criticised the arrests.")
    assert e["event_type"] == "ACCUSE" and e["source"]["country"] == "NGO"
    [e] = only(code("Two people were killed on Saturday when armed thugs attacked polling units in Kogi."), "ASSAULT")
    assert e["source"]["sector"] == "UAF" and e["target"]["code"] == "NGACVL"


def test_a_reporter_parsed_as_an_object_is_no_target_and_a_verb_hung_on_the_root_noun_has_it_as_subject():
    events = code("Border guards abused migrants with impunity, a human rights organization charged on Saturday.")
    assert [e["target"]["sector"] for e in only(events, "ASSAULT")] != [None]
    assert all((e["target"] or {}).get("country") != "NGO" for e in only(events, "ASSAULT"))
    [e] = only(code("The European Union's foreign policy chief, Josep Borrell, called on Israel to halt the offensive."),
               "REQUEST")
    assert e["source"]["country"] in ("IGO", "EUR") and e["target"]["country"] == "ISR"


def test_victims_named_after_a_strike_on_a_building_are_its_target_and_coordinated_victims_add_up():
    [e] = code("An Israeli air strike on a house in Jouaiya killed a senior Hezbollah field commander and "
               "three other members of the group.")
    assert e["target"]["country"] == "LBN" and e["target"]["sector"] == "REB"
    assert e["fatalities"] == 4
    [e] = only(code("Gunmen shot dead a voter in Okene on Saturday."), "ASSAULT")
    assert e["fatalities"] == 1


def test_a_verb_with_its_own_tense_shares_no_modal_and_without_a_deal_is_no_deal_and_no_refusal():
    [e] = only(code("Peskov said Moscow would not negotiate under pressure and accused Kyiv of shelling villages."),
               "ACCUSE")
    assert not e["hypothetical"] and e["target"]["country"] == "UKR"
    events = code("Talks in Luanda between Congolese and Rwandan ministers ended without a deal.")
    assert all(e["negated"] for e in only(events, "AGREE")) and not only(events, "REJECT")
    assert only(code("Hamas did not accept the proposal."), "REJECT")


def test_stabbing_neutralising_looting_taking_control_and_throwing_at_police():
    [e] = only(code("In Adavi, a party agent was stabbed to death by thugs on Saturday."), "ASSAULT")
    assert e["target"]["sector"] == "PTY" and e["mode"] == "primitive"
    [e] = only(code("Soldiers neutralised around 40 assailants near Kaya."), "ASSAULT")
    assert e["fatalities"] == 40
    [e] = only(code("RSF fighters looted the main hospital in El Fasher on Friday."), "COERCE")
    assert e["mode"] == "seize" and e["target"]["sector"] == "MED"
    assert only(code("M23 rebels took control of the town of Sake on Friday."), "ASSAULT")
    [e] = code("Some protesters threw bottles at police lines.")
    assert e["event_type"] == "PROTEST" and e["target"]["sector"] == "COP"


def test_said_to_be_illegal_is_an_accusation_an_illegal_thing_named_is_not():
    assert only(code("Russia's foreign ministry said the sanctions were illegal."), "ACCUSE")
    assert not only(code("Chadian police said illegal aliens had been sent back across the border."), "ACCUSE")
    assert only(code("“This is no different from acts of terrorism,” a police statement said."), "ACCUSE")
    [e] = code("Hungary dropped its objections on Wednesday.")
    assert e["event_type"] == "CONCEDE"


def test_exchanging_fire_a_strike_that_hits_and_no_ships_hit():
    [e] = only(code("Officers exchanged fire with the gang, killing one suspect."), "ASSAULT")
    assert e["mode"] == "firearms" and e["target"]["sector"] == "CRM" and e["fatalities"] == 1
    [e] = code("A second strike on Saturday hit a checkpoint, killing four of its members.")
    assert e["event_type"] == "ASSAULT" and e["fatalities"] == 4
    [e] = code("No ships were hit.")
    assert e["negated"]


def test_alleged_possible_and_forced_acts():
    events = code("Police detained eight people suspected of helping the rebels.")
    assert all(e["hypothetical"] for e in only(events, "AID")) and not only(events, "COERCE")[0]["hypothetical"]
    [e] = only(code("He did not rule out a ground incursion."), "ASSAULT")
    assert e["hypothetical"] and not e["negated"]
    [e] = only(code("The protests forced Prime Minister Ariel Henry to resign."), "RETREAT")
    assert not e["hypothetical"]
    [e] = code("Eighteen detainees had been released.")
    assert e["source"]["code"] is None and e["target"]["text"] == "Eighteen detainees"  # not who retreats


def test_one_strike_told_with_its_toll_is_one_event_and_shares_the_day():
    [e] = code("The army carried out an air strike near Jilib on Tuesday, killing three militants.",
               published="2024-01-14")
    assert e["date"] == "2024-01-09" and e["fatalities"] == 3 and e["target"]["sector"] == "REB"
    [e] = only(code("A 60-year-old woman was killed by shelling on Wednesday.", published="2024-01-14"),
               "ASSAULT", trigger={"text": "killed", "start": 24, "end": 30})
    assert e["date"] == "2024-01-10"  # an age is no date; the shelling's day is hers


def test_a_group_based_somewhere_sets_no_one_s_country():
    [e] = only(code("Activists from the Oslo-based group Iran Human Rights said security forces killed 481 protesters."),
               "ASSAULT")
    assert e["source"]["country"] != "NOR" and e["target"]["country"] != "NOR"
    [e] = code("Crowds gathered outside his home chanting slogans against the government.")
    assert e["event_type"] == "PROTEST"


def test_headline_victims_forces_arriving_and_the_attack_condemned():
    [e] = only(code("BSF jawan killed as Pakistan Rangers open fire along the border."), "ASSAULT",
               trigger={"text": "killed", "start": 10, "end": 16})
    assert e["source"]["country"] == "PAK" and e["target"]["country"] == "IND"
    [e] = code("About 400 Kenyan police officers arrived in Port-au-Prince last month.")
    assert e["event_type"] == "MOBILIZE" and e["source"]["code"] == "KENCOP"
    events = code("Al Shabaab fighters attacked a hotel in Mogadishu on Thursday, killing 12 people. On Tuesday a US "
                  "air strike near Jilib killed three militants. Turkey condemned the attack.", published="2024-03-16")
    [strike] = [e for e in events if e["trigger"]["text"] == "air strike"]
    assert strike["target"]["country"] == "SOM"  # not the country of the strike's own modifier
    [e] = only(events, "ACCUSE")
    assert e["target"]["country"] == "SOM" and e["target"]["sector"] == "REB"  # the attack, not the strike
    assert not code("Human rights groups have warned that civilians are caught in the crossfire.")
    assert not only(code("Turkey offered condolences to the victims' families."), "AGREE")


def test_own_forces_given_are_no_target_a_characterisation_no_target_and_a_ship_no_person():
    [e] = only(code("Kenya pledged to send another 600 officers."), "AGREE")
    assert e["target"] is None
    [e] = code("Iran condemned the strikes as a violation of Yemen's sovereignty.")
    assert (e["target"] or {}).get("country") != "YEM"
    [e] = code("Albania denounced as an ugly crime Serbia's suppression of the unrest.")
    assert e["target"]["country"] == "SRB"
    [e] = code("The destroyer USS Carney hit a radar site.")
    assert (e["source"] or {}).get("country") != "CAN"


def test_a_states_generals_meeting_abroad_stay_their_countrys():
    nlp = flashpoint.load()
    doc = nlp(flashpoint.Article(source="t", published="2024-02-14", text=(
        "Myanmar's junta bombed a village in Sagaing, killing 20 people. The generals met rebel leaders in Kunming.")))
    [generals] = [a for a in doc.actors if a.text == "The generals"]
    assert generals.country == "MMR"  # not China's for meeting in a Chinese city


def test_the_foreign_minister_and_the_foreign_office_are_the_countrys_own():
    [e] = only(code("Iran's president spoke on Monday. The foreign minister condemned the attack."), "ACCUSE")
    assert e["source"]["code"] == "IRNGOV"  # "foreign" here names the office, not outsiders
    [e] = only(code("Pakistan's army chief visited Kabul. The Foreign Office in Islamabad accused India of "
                    "interference."), "ACCUSE")
    assert e["source"]["code"] == "PAKGOV"  # not the British one


def test_a_strike_with_no_doer_is_an_attack_unless_workers_are_named_and_negotiators_arriving_visit():
    [e] = code("A second, smaller strike followed on Saturday.")
    assert e["event_type"] == "ASSAULT"
    [e] = only(code("Some 500,000 workers stopped work on the first day of an open-ended strike on Monday."), "PROTEST")
    assert e["mode"] == "strike"
    [e] = only(code("Hamas negotiators arrived in Cairo on Monday for talks."), "CONSULT", trigger={"text": "arrived", "start": 18, "end": 25})
    assert e["source"]["country"] == "PSE"


def test_quotes_open_their_own_sentence_and_boilerplate_is_no_event():
    events = code('Washington backed its ally. "The United States stands with our Philippine allies," the embassy said.')
    assert [e["sentence"].strip()[:1] for e in events if e["sentence_index"] == 1] == ['"']
    assert only(events, "SUPPORT", sentence_index=1)[0]["target"]["country"] == "PHL"
    assert not only(code("Five soldiers were killed, according to an official who asked not to be named."), "REQUEST")
    [e] = code("ISKP claimed responsibility for the Kandahar blast.")
    assert e["source"] is None or e["source"]["text"] != "Kandahar"  # a town is where, not who
    [e] = code("Armenia said four of its soldiers were killed.")
    assert e["target"]["code"] == "ARMMIL"


def test_the_taliban_govern_afghanistan_from_august_2021():
    [e] = code("The Taliban detained a British aid worker.", published="2024-03-19")
    assert e["source"]["code"] == "AFGGOV"
    [e] = code("The Taliban attacked the city.", published="2015-01-01")
    assert e["source"]["code"] == "AFGREB"


def test_offices_orders_and_crowds():
    [e] = code("Obaidul Quader, general secretary of the ruling Awami League, blamed the opposition.")
    assert e["source"]["sector"] != "MIL"  # a party office, not a general
    events = code("The government imposed a curfew and ordered the army onto the streets of Dhaka.")
    assert [e["event_type"] for e in events] == ["COERCE", "MOBILIZE"]
    [e] = code("A crowd ransacked the offices of a ruling party legislator.")
    assert e["source"]["sector"] == "CVL"
    [e] = code("In a statement, its central command blamed a dissident faction.")
    assert (e["source"] or {}).get("country") != "USA"  # "its central command" is no CENTCOM
    [e] = code("The coast guard fired its water cannon at the supply boat.")
    assert e["mode"] == "crowd-control"


def test_we_in_a_quote_is_the_speakers_side():
    events = code('"We will continue to stand with Ukraine," the German chancellor told reporters.')
    assert all(e["source"]["code"] == "DEUGOV" for e in events) and events


def test_an_event_named_in_passing_with_no_one_doing_it_is_no_event():
    assert not code("They said they were deeply concerned about abductions.")
    assert only(code("Some 60 people have died in four months of anti-government street protests."), "PROTEST")


def test_a_states_protest_is_an_accusation_and_a_main_verb_hung_on_the_subject_still_counts():
    [e] = code("The Philippine foreign ministry said it had lodged a strong protest with China.")
    assert e["event_type"] == "ACCUSE" and e["target"]["country"] == "CHN"
    [e] = code("Algeria, which brokered the 2015 accord, called on both sides to return to dialogue.")
    assert e["event_type"] == "REQUEST" and e["source"]["country"] == "DZA"


def test_calls_shutdowns_ramming_revenge_operations_and_patrols():
    [e] = code("Blinken spoke by phone with Armenian Prime Minister Nikol Pashinyan on Tuesday.")
    assert e["event_type"] == "CONSULT" and e["target"]["country"] == "ARM"
    [e] = code("The authorities extended a nationwide internet shutdown.")
    assert e["event_type"] == "COERCE" and e["mode"] == "censor"
    [e] = code("A Chinese coast guard vessel rammed the Philippine supply boat.")
    assert e["event_type"] == "ASSAULT" and e["source"]["country"] == "CHN"
    [e] = code("Azerbaijan carried out a revenge operation against Armenian forces.")
    assert e["event_type"] == "ASSAULT" and e["target"]["code"] == "ARMMIL"
    [e] = code("Soldiers patrolled the streets of Dhaka.")
    assert e["event_type"] == "MOBILIZE" and e["location"]["name"] == "Dhaka"


def test_an_event_told_with_its_own_day_and_place_is_a_new_one():
    events = code("Islamist militants attacked the Ain al-Asad base on Thursday. The Iranian commander accused Israel "
                  "of being behind the twin bombing on Tuesday in Zahedan that took the lives of 40 people.",
                  published="2024-01-05")
    [base] = [e for e in events if e["event_type"] == "ASSAULT" and e["sentence_index"] == 0]
    assert base["target"]["country"] == "IRQ"  # the site's whole name, not its first word (Al Ain)
    [zahedan] = [e for e in events if e["event_type"] == "ASSAULT" and e["sentence_index"] == 1]
    assert not (zahedan["source"] or {}).get("text")  # not the militants of the attack told before


def test_both_sides_are_the_two_named_before_and_two_who_clash_clash_with_each_other():
    events = code("Israel and Hamas fought for weeks. Qatar urged both sides to show restraint.")
    [fight] = only(events, "ASSAULT")
    assert {fight["source"]["country"], fight["target"]["country"]} == {"ISR", "PSE"}
    assert {e["target"]["country"] for e in only(events, "REQUEST")} == {"ISR", "PSE"}
    [e] = only(code("Colombia's government and the ELN rebels held talks. The two sides agreed to extend the truce."),
               "AGREE")
    assert {e["source"]["sector"], e["target"]["sector"]} == {"GOV", "REB"}


def test_officers_by_a_police_station_are_police_and_intelligence_officers_are_intelligence():
    [e] = code("A car bomb exploded outside a police station in Jamundi, wounding four officers.")
    assert e["target"]["sector"] == "COP"
    [e] = code("Taliban intelligence officers detained a British aid worker.", published="2024-03-19")
    assert e["source"]["code"] == "AFGSPY"


def test_where_a_body_is_based_is_its_own_country_and_ones_own_side_is_no_target():
    [e] = code("Two Russia-based companies supplied drones to Iran.")
    assert e["source"]["code"] == "RUSBUS"
    events = code("Japan's defence minister told reporters the missile was a provocation that Japan would not tolerate.")
    assert all((e["target"] or {}).get("country") != "JPN" for e in only(events, "ACCUSE"))


def test_an_explosive_attack_with_no_doer_is_an_unidentified_armed_group_of_the_place():
    [e] = only(code("A roadside bomb tore through a minibus near the town of Baqubah, killing six farmers."), "ASSAULT")
    assert e["source"]["code"] == "IRQUAF"
    [e] = only(code("Two border guards were killed by an improvised explosive device outside Kandahar."), "ASSAULT")
    assert e["source"]["code"] == "AFGUAF"
    # a strike from the air, or an attack with no weapon named, names no such group
    [e] = only(code("A drone strike near Kandahar killed two border guards."), "ASSAULT")
    assert (e["source"] or {}).get("code") is None


def test_people_doing_something_during_a_protest_take_part_in_it():
    [e] = code("Doctors stopped work on the second day of a strike.")  # a labour strike, not an attack
    assert e["event_type"] == "PROTEST" and e["source"]["sector"] == "MED" and e["mode"] == "strike"
    [e] = only(code("Farmers resorted to burning tyres during rallies against the government."), "PROTEST")
    assert e["source"]["sector"] == "AGR"
    # those who police a protest do not take part in it
    events = code("Police stood guard during the demonstrations in the capital.")
    assert not any((e["source"] or {}).get("sector") == "COP" for e in only(events, "PROTEST"))


def test_a_measure_on_a_whole_population_with_no_place_named_is_aimed_at_the_own_people():
    [e] = only(code("The Ecuadorian government declared a state of siege on Tuesday."), "COERCE")
    assert e["source"]["code"] == "ECUGOV" and e["target"]["code"] == "ECUCVL"
    [e] = only(code("Kenya's interior ministry lifted the curfew."), "CONCEDE")
    assert e["target"]["code"] == "KENCVL"
    # foreign troops are not the people's own government
    [e] = only(code("American troops imposed a curfew."), "COERCE")
    assert e["target"] is None


def test_a_capital_under_attack_stands_for_its_people_but_speaks_for_its_government():
    [e] = only(code("Rebel artillery pounded Kinshasa overnight.", published="2024-03-06"), "ASSAULT")
    assert e["target"]["code"] == "CODCVL"
    [e] = only(code("Kinshasa rejected the proposal."), "REJECT")
    assert e["source"]["code"] == "CODGOV"


def test_a_preposition_whose_object_the_parser_read_as_a_clause_subject_keeps_it():
    # parsed as "to" + "[officers] holed up in ...": the officers are still whom asylum is granted to
    [e] = only(code("Ecuador has granted diplomatic asylum to three Colombian army officers holed up in its embassy "
                    "since last month's coup."), "AID")
    assert e["target"]["code"] == "COLMIL"


def test_a_region_named_as_where_a_measure_is_imposed_stands_for_its_people():
    [e] = only(code("Police imposed a dusk-to-dawn curfew in North Darfur State."), "COERCE")
    assert e["target"]["code"] == "SDNCVL"


def test_who_planted_the_bomb_did_the_attack():
    [e] = only(code("A landmine planted by Maoist rebels killed four policemen in Chhattisgarh."), "ASSAULT")
    assert e["source"]["code"] == "INDREB"


def test_harm_to_someone_in_custody_is_the_custodians_and_who_died_of_it_is_its_victim():
    [e] = only(code("A Kenyan student died as a result of torture while in Ugandan police custody."), "ASSAULT")
    assert e["source"]["code"] == "UGACOP" and e["target"]["country"] == "KEN"


def test_one_trigger_read_the_same_way_twice_is_one_event():
    # the arrested are reached through "a group of" and through "students": one arrest
    events = code("Teachers walked out on Tuesday over the detention of a group of students by police.")
    assert len(only(events, "COERCE")) == 1
    # two doers that code alike: one record
    [e] = only(code("Turkish tanks and warplanes shelled Kurdish positions near Qamishli."), "ASSAULT")
    assert e["source"]["code"] == "TURMIL"
    assert len(only(code("Police and soldiers arrested dozens of protesters in Lagos."), "COERCE")) == 2


def test_the_wounded_named_as_people_are_no_event():
    assert only(code("Red Cross ambulances carried the injured to a hospital in Goma."), "ASSAULT") == []
    assert len(only(code("Gunmen killed two guards and wounded five."), "ASSAULT")) == 2


def test_a_toll_told_of_an_attack_is_that_attack():
    # (the parser hangs this "in which" clause on "complained", not on "raids")
    events = code("Syria complained to the Security Council over two Turkish air raids on Sunday in which it said "
                  "14 people were killed or injured.")
    [e] = only(events, "ASSAULT")
    assert e["source"]["code"] == "TURMIL"
    [e] = only(code("Armenia accused Azerbaijan of three artillery attacks in which it said nine soldiers were "
                    "killed or wounded."), "ASSAULT")
    assert e["target"]["code"] == "ARMMIL"
    events = code("Rebel fighters launched mortar, grenade and rocket fire against army posts near the border, "
                  "killing or wounding 30.")
    assert len(only(events, "ASSAULT")) == 1


def test_what_a_reported_event_is_about_is_no_accusation_by_the_reporter():
    events = code("Prosecutors opened an inquiry into war crimes committed by militia fighters, the daily Le Soir reported.")
    assert all(e["trigger"]["text"] != "reported" for e in events)
    [e] = only(code("The foreign minister said the shelling of the port was a war crime."), "ACCUSE")
    assert e["trigger"]["text"] == "said"


def test_every_act_one_is_accused_of_is_alleged():
    # (the parser takes "ignoring" for a clause of "accused", not one more charge)
    events = code("Iran accused the United States of violating human rights, ignoring international law and "
                  "threatening its neighbours.")
    assert all(e["hypothetical"] for e in events if e["event_type"] != "ACCUSE")


def test_the_accuser_is_not_the_doer_of_what_they_blame_on_others():
    events = code("Villagers blamed Chad for the bombing of a chief in Abeche.")
    assert all(not (e["source"] or {}).get("sector") == "CVL" for e in only(events, "ASSAULT"))
    events = code("Five men were arrested for the bombing of the bus.")
    assert all(not (e["source"] or {}).get("text") for e in only(events, "ASSAULT"))


def test_an_act_one_is_held_for_doing_is_alleged():
    events = code("Two students were detained in Minsk for allegedly organising rallies against the president.")
    assert all(e["hypothetical"] for e in only(events, "PROTEST"))
    assert not only(events, "COERCE")[0]["hypothetical"]
    # an event named deeper in the reason happened
    events = code("A court jailed a man for hindering the police inquiry into last year's deadly bombing of a bus station.")
    assert only(events, "ASSAULT")[0]["hypothetical"] is False


def test_what_protesters_say_or_do_as_they_protest_is_the_protest():
    events = code("Thousands of Kenyan nurses marched in Nairobi on Monday demanding that the government raise "
                  "their pay.")
    assert [(e["event_type"], e["target"]["code"]) for e in events] == [("PROTEST", "KENGOV")]
    events = code("Prisoners rioted at a jail near Kampala, setting fire to mattresses and smashing doors.")
    assert [e["event_type"] for e in events] == ["PROTEST"]


def test_in_protest_far_from_the_protest_is_no_event_of_its_own():
    events = code("Teachers' unions organized a general strike that paralysed Harare in protest of the detention of "
                  "several union leaders.")
    assert [e["trigger"]["text"] for e in only(events, "PROTEST")] == ["general strike"]


def test_a_bare_verb_joined_to_an_infinitive_shares_its_to():
    [e] = only(code("Kenya backed a plan that seeks to tighten sanctions and impose an arms embargo on South Sudan."),
               "SANCTION")
    assert e["hypothetical"] is True


def test_days_of_fighting_after_which_something_happened_are_background():
    events = code("Government troops retook the town of Beni after two weeks of clashes with the rebels.")
    assert all(e["trigger"]["text"] != "clashes" for e in events)


def test_a_clause_in_the_subjunctive_is_what_should_be():
    [e] = only(code("The envoy recommended that Ethiopia withdraw its forces from the border."), "RETREAT")
    assert e["hypothetical"] is True
    [e] = code("Witnesses said the soldiers shoot at anyone who moves.")
    assert e["hypothetical"] is False


def test_a_readiness_asked_of_someone_is_no_promise_of_theirs():
    events = code("The Kenyan president said on Friday that Ethiopia should be ready to negotiate with Eritrea.")
    assert only(events, "AGREE") == []
    events = code("Ghana's president said he would be ready to host talks between the two factions.")
    assert len(only(events, "AGREE")) == 1


def test_an_attack_named_as_the_agent_of_its_own_verb_is_one_event():
    [e] = only(code("Four police officers were wounded by gunfire near Mogadishu on Tuesday."), "ASSAULT")
    assert e["mode"] == "firearms" and e["target"]["sector"] == "COP"


def test_an_event_a_verb_of_its_kind_is_done_for_is_that_event():
    [e] = only(code("Qatar's emir hosted the Sudanese army chief in Doha for a private meeting."), "CONSULT")
    assert e["target"]["country"] == "SDN"
    # with no one named by the verb, the talks name the counterpart
    events = code("The minister arrived in Cairo for talks with Hamas leaders.")
    assert any((e["target"] or {}).get("country") == "PSE" for e in only(events, "CONSULT"))


def test_a_protest_rally_is_one_event_and_what_an_agreement_is_on_has_not_happened():
    events = code("Opposition supporters held a protest rally in Harare on Saturday.")
    assert len(only(events, "PROTEST")) == 1
    events = code("Police reached an agreement with student leaders on holding a peaceful demonstration.")
    assert all(e["hypothetical"] for e in only(events, "PROTEST"))


def test_insisting_that_something_is_so_is_a_claim_not_a_demand():
    assert only(code("The union insisted on Monday that the strike would continue."), "REQUEST") == []
    assert only(code("The ministry insisted that the border crossing had been reopened."), "REQUEST") == []
    [e] = only(code("Russia insisted that Ukraine withdraw its troops."), "REQUEST")
    assert e["target"]["country"] == "UKR"


def test_what_is_rejected_or_opposed_does_not_happen():
    events = code("Ethiopia is opposed to Kenyan mediation in the border dispute with Eritrea.")
    assert all(e["hypothetical"] for e in only(events, "CONSULT"))


def test_a_name_the_parser_hung_as_an_apposition_after_a_coordinated_adjective_is_the_second_party():
    [e] = only(code("Sudan's army and the paramilitary Rapid Support Forces agreed on Tuesday to a 10-day "
                    "humanitarian ceasefire.", "2024-06-19"), "AGREE")
    assert e["source"]["code"] == "SDNMIL" and e["target"]["code"] == "SDNUAF"


def test_rejected_allegations_answer_whoever_made_them():
    events = code("Poland accused Russian intelligence of plotting arson attacks. Russia's foreign ministry dismissed "
                  "the allegations as absurd.", "2024-05-23")
    [e] = only(events, "REJECT")
    assert e["source"]["code"] == "RUSGOV" and e["target"]["code"] == "POLGOV"


def test_a_by_phrase_closing_the_sentence_after_a_parenthetical_is_the_passive_s_agent():
    [e] = only(code("The finance minister has been criticised for the loans, much of it thought to have been "
                    "wasted, by Polish lawmakers."), "ACCUSE")
    assert e["source"]["code"] == "POLLEG"


def test_a_participle_after_the_comma_closing_a_clause_has_that_clause_s_subject():
    events = code("Kenya lodged a formal protest with Uganda on Tuesday, charging its neighbour with arming cattle "
                  "raiders in what is said was tantamount to sabotage.")
    assert all(e["source"]["country"] == "KEN" for e in only(events, "ACCUSE"))


def test_a_subject_the_parser_joined_to_an_opening_phrase_is_still_the_subject():
    [e] = only(code("With the signing of a Declaration of Principles (DOP) on Border Demarcation, the Angolan "
                    "government and FNLA/M have agreed to reopen the crossings."), "AGREE")
    assert e["source"]["code"] == "AGOGOV"


def test_a_main_verb_hung_inside_a_subject_taken_for_the_root_has_that_subject():
    [e] = only(code("Doctors from three Norwegian charities collected and delivered blankets to an orphanage "
                    "in Herat."), "AID")
    assert e["source"]["code"] == "NORMED"


def test_of_two_subjects_given_to_a_verb_of_saying_the_first_is_the_reported_clause_s():
    [e] = only(code("Kurdish youths resorted to burning tyres during rallies against the governor, witnesses "
                    "said on Friday."), "PROTEST")
    assert e["source"]["sector"] == "CVL" and e["source"]["text"] == "Kurdish youths"


def test_a_gerund_after_in_by_or_after_is_done_by_the_subject_of_the_verb_it_hangs_on():
    # (joining protesters in demanding as one riots is the riot: see the test of a demand made while protesting)
    [e] = only(code("Inmates wrote to the governor in Goma on Monday, joining hundreds of lawyers in demanding the "
                    "release of political detainees, residents said."), "REQUEST")
    assert e["source"]["text"] == "Inmates" and e["source"]["country"] == "COD"
    [e] = only(code("Soldiers guarded the market after fighting between two rival clans left 12 dead."), "ASSAULT")
    assert not e["source"]["text"]  # a gerund used as a noun: the fighting is no act of the soldiers


def test_at_the_hands_of_names_the_doer_of_a_passive():
    [e] = only(code("The journalist was tortured at the hands of Eritrean police."), "ASSAULT")
    assert e["source"]["code"] == "ERICOP"


def test_an_act_in_a_participle_after_the_reporter_is_the_reported_clause_s_subject_s():
    for text in ("Rebels ambushed a police patrol, the ministry said, killing two officers.",
                 "Rebels ambushed an army patrol, the army said, killing four soldiers."):
        events = only(code(text), "ASSAULT")
        assert events and all(e["source"]["sector"] == "REB" for e in events)


def test_what_comes_under_attack_is_the_target_and_a_from_or_by_phrase_the_doer():
    [e] = only(code("Ukrainian positions near Kupiansk came under Russian bombardment."), "ASSAULT")
    assert e["source"]["country"] == "RUS" and e["target"]["country"] == "UKR"
    [e] = only(code("The base came under heavy shelling by rebel forces."), "ASSAULT")
    assert e["source"]["sector"] == "REB"
    [e] = only(code("The opposition leader was placed under arrest by Zambian police."), "COERCE")
    assert e["source"]["code"] == "ZMBCOP" and e["target"]["sector"] == "OPP"


def test_a_press_release_is_a_document_not_a_release():
    events = code("Troops have shelled three villages this week, according to a press release by the "
                  "Northern Liberation Front.")
    assert not only(events, "RETREAT")
    assert only(code("The Northern Liberation Front announced the release of 12 soldiers on Friday."), "RETREAT")


def test_who_put_a_request_is_named_after_of():
    events = code("Norway urged calm. The regional council met on Monday at the request of Brazil.")
    [meeting] = only(events, "CONSULT")
    assert meeting["target"]["country"] == "BRA"


def test_dropping_bombs_on_a_place_is_an_attack():
    [e] = only(code("Army helicopters dropped bombs on two villages near the lake on Friday."), "ASSAULT")
    assert e["target"] is not None and e["target"]["sector"] == "CVL"
    assert not only(code("The committee dropped its objection to the budget."), "ASSAULT")


def test_a_subject_hung_on_an_opening_place_is_the_subject():
    [e] = only(code("In Nairobi, Uganda's defence minister met senior IGAD officials on Thursday."), "CONSULT")
    assert e["source"]["country"] == "UGA"


def test_a_participle_after_a_relative_clause_goes_on_the_main_clause():
    events = code("Troops fired tear gas at hundreds of students who had occupied the campus, arresting 40 people.")
    [arrest] = only(events, "COERCE")
    assert arrest["source"]["sector"] == "MIL" and arrest["arrests"] == 40


def test_an_amount_in_aid_is_given_by_whoever_announced_it():
    [e] = only(code("Canada announced 15 million dollars in emergency aid for Haiti on Monday."), "AID")
    assert e["source"]["country"] == "CAN" and e["target"]["country"] == "HTI"


def test_force_against_crowds_is_an_assault_of_crowd_control():
    [e] = only(code("Police turned water cannon on striking dockers outside the port on Monday."), "ASSAULT")
    assert e["mode"] == "crowd-control"


def test_a_leader_ordering_the_army_moves_his_own_army():
    events = code("Albanian police detained two Greek fishermen on Sunday. Greece's president said he had "
                  "ordered the army to raise its readiness along the sea border.")
    [e] = only(events, "MOBILIZE")
    assert e["source"]["country"] == "GRC" and not only(events, "REQUEST")


def test_help_given_for_a_purpose_goes_to_whom_the_purpose_helps():
    events = code("Brazil is ready to send engineers to help rebuild Haiti.")
    assert {e["target"]["country"] for e in only(events, "AID")} == {"HTI"}
    [agree] = only(events, "AGREE")
    assert agree["target"]["country"] == "HTI"


def test_an_object_the_parser_left_for_a_second_conjunct_is_shared():
    [e] = only(code("Peru has restored diplomatic relations with and reopened its embassy in Caracas."), "SUPPORT")
    assert e["target"]["country"] == "VEN"


def test_a_clause_of_saying_after_a_comma_is_no_demanded_clause():
    [e] = only(code("Norway demanded the withdrawal of Eritrean troops from the border on Friday, "
                    "Kenyan diplomats quoted a joint statement as saying."), "REQUEST")
    assert e["target"]["country"] == "ERI"


def test_the_leader_of_an_event_noun_named_as_target_is_its_doer():
    [e] = only(code("Spain refused to contribute to the French-led offensive against the rebels."), "REJECT")
    assert e["target"]["country"] == "FRA"


def test_up_to_a_number_read_as_a_phrase_is_still_the_object():
    [e] = only(code("Somali rebels have kidnapped up to 16 Chinese civilian engineers from a village market."), "ASSAULT")
    assert e["target"]["country"] == "CHN"


def test_a_refusal_despite_pressure_answers_whoever_applies_it():
    [e] = only(code("Chile refused to extradite the banker in spite of repeated calls from Peru."), "REJECT")
    assert e["target"]["country"] == "PER"
    [e] = only(code("The minister declined to step down despite mounting pressure by Mexico's ruling party."),
               "REJECT")
    assert e["target"]["country"] == "MEX"


def test_what_a_rejected_proposal_asks_for_names_the_counterpart():
    [e] = only(code("The Polisario Front rejected an invitation to attend a conference of Moroccan parties in Rabat."),
               "REJECT")
    assert e["target"]["country"] == "MAR"
    [e] = only(code("The rebels rejected a call to hold talks with the Ugandan army."), "REJECT")
    assert (e["target"]["country"], e["target"]["sector"]) == ("UGA", "MIL")
    # a plan is not put to its critic: the migrants it would deport are not whom the critic accuses
    [e] = only(code("Amnesty International condemned a plan to deport Eritrean migrants."), "ACCUSE")
    assert e["target"] is None


def test_a_concession_after_talks_with_someone_is_towards_them():
    [e] = only(code("The teachers' union called off its strike after talks with the Ghanaian government."), "CONCEDE")
    assert (e["target"]["country"], e["target"]["sector"]) == ("GHA", "GOV")


def test_a_riot_after_a_protest_shares_its_target():
    events = code("Kenyan students rioted following a demonstration calling for the resignation of the education minister.")
    [riot] = [e for e in only(events, "PROTEST") if e["source"]["country"] == "KEN"]
    assert (riot["target"]["country"], riot["target"]["sector"]) == ("KEN", "GOV")
    [riot] = only(code("Egyptian students rioted after a rally against the Israeli embassy."), "PROTEST")
    assert riot["target"]["country"] == "ISR"


def test_two_verbs_in_a_row_share_the_object_after_the_second():
    events = code("Rebels attacked and looted a Malian army base.")
    assert {(e["event_type"], e["target"]["country"], e["target"]["sector"])
            for e in events if e["event_type"] in ("ASSAULT", "COERCE")} == {("ASSAULT", "MLI", "MIL"), ("COERCE", "MLI", "MIL")}
    [e] = only(code("Chad condemned and rejected the Sudanese proposal."), "ACCUSE")
    assert e["target"]["country"] == "SDN"


def test_a_capital_blockaded_by_protesters_is_the_target_not_what_they_demand():
    [e] = only(code("Belgian farmers blockaded Brussels to demand an end to the European Union's milk quotas."), "PROTEST")
    assert (e["target"]["country"], e["target"]["sector"]) == ("BEL", "CVL")


def test_a_bare_number_as_object_counts_members_of_the_group_acted_on():
    events = code("Police opened fire to disperse stone-throwing protesters in Karachi, killing two people and arresting 15.")
    [e] = [e for e in only(events, "COERCE") if e["target"]["text"] == "15"]
    assert (e["target"]["country"], e["target"]["sector"]) == ("PAK", "CVL")


def test_a_states_own_envoys_or_soldiers_named_with_its_are_no_target():
    [e] = only(code("Morocco recalled its ambassador to Algeria."), "SANCTION")
    assert e["target"]["country"] == "DZA"
    [e] = only(code("Peru withdrew its ambassador from Ecuador."), "SANCTION")  # envoys withdrawn reduce relations (CAMEO 161)
    assert e["target"]["country"] == "ECU"
    [e] = only(code("Kenya recalled its ambassador."), "SANCTION")
    assert e["target"] is None


def test_a_first_object_read_as_the_subject_of_a_noun_clause_is_the_target():
    [e] = only(code("Israel denied Turkish officials access to Gaza."), "REJECT")
    assert (e["target"]["country"], e["target"]["sector"]) == ("TUR", "GOV")


def test_the_people_a_vehicle_hit_was_carrying_are_the_target():
    [e] = only(code("A roadside bomb hit a minibus carrying Afghan election workers."), "ASSAULT")
    assert e["target"]["country"] == "AFG"


def test_a_promise_reaches_its_target_through_a_verb_of_going_on():
    [e] = only(code("Japan pledged to continue supporting Ukraine."), "AGREE")
    assert e["target"]["country"] == "UKR"


def test_what_holds_as_long_as_something_goes_on_is_a_condition():
    events = code("The envoy said aid would stay suspended as long as the militia keeps shelling the camps.")
    assert all(e["hypothetical"] for e in only(events, "ASSAULT"))


def test_an_order_named_as_the_authority_for_another_act_is_no_request():
    assert not only(code("The executions in Kandahar were carried out on the militia's orders."), "REQUEST")
    assert only(code("The army issued an order for civilians to leave Rafah."), "REQUEST")


def test_what_is_done_in_coordination_with_someone_is_done_with_them():
    [e] = only(code("Kenyan troops stormed the camp in coordination with Somali forces on Friday."), "COOPERATE")
    assert (e["source"]["country"], e["target"]["country"]) == ("KEN", "SOM")


def test_sending_away_envoys_or_an_agency_is_an_expulsion():
    [e] = only(code("Caracas forced the UN human rights office out of the country on Friday."), "SANCTION")
    assert e["mode"] == "expel"
    assert only(code("Thailand deported 40 Myanmar workers on Friday."), "COERCE")


def test_state_forces_freeing_someone_else_s_captives_rescue_them():
    [e] = only(code("Army commandos freed 12 teachers held by bandits in a forest camp on Sunday."), "AID")
    assert e["target"]["sector"] == "EDU"
    assert only(code("The militia freed 12 hostages on Sunday."), "RETREAT")
    assert only(code("The army freed 20 detainees held at the barracks on Sunday."), "RETREAT")


def test_joint_operations_and_patrols_are_cooperation_between_the_partners():
    [e] = only(code("Kenyan and Somali troops launched a joint operation against the militants on Monday."), "COOPERATE")
    assert {e["source"]["country"], e["target"]["country"]} == {"KEN", "SOM"}
    [e] = only(code("Japanese and Indian warships began a joint patrol in the bay on Monday."), "COOPERATE")
    assert {e["source"]["country"], e["target"]["country"]} == {"JPN", "IND"}


def test_trading_fire_and_distributing_food():
    [e] = only(code("Chadian and Sudanese troops traded fire along the border on Sunday."), "ASSAULT")
    assert {e["source"]["country"], e["target"]["country"]} == {"TCD", "SDN"}
    [e] = only(code("Red Crescent volunteers distributed blankets to flood victims in Sindh on Monday."), "AID")
    assert e["target"]["sector"] == "CVL"


def test_a_headline_verb_the_tagger_took_for_a_noun_is_a_verb():
    events = code("Nigerian police disperse protest in Lagos as prices soar")
    assert only(events, "ASSAULT")


def test_a_past_tense_joined_to_a_reported_would_clause_is_the_speaker_s():
    [e] = only(code("A Thai army spokesman said the army would keep patrolling the border and accused "
                    "Cambodian troops of laying new mines."), "ACCUSE")
    assert e["source"]["country"] == "THA" and e["target"]["country"] == "KHM"


def test_an_opening_phrase_is_no_part_of_the_subject_and_a_gang_leader_is_a_criminal():
    [e] = only(code('In a video posted online, gang leader Jean "Bois" Pierre threatened to attack the police '
                    'station.'), "THREATEN")
    assert e["source"]["text"].startswith("gang leader") and e["source"]["sector"] == "CRM"


def test_fire_exchanged_with_coordinated_weapons_is_an_assault():
    [e] = only(code("Thai and Cambodian soldiers exchanged rocket and mortar fire across the border on Monday."),
               "ASSAULT")
    assert {e["source"]["country"], e["target"]["country"]} == {"THA", "KHM"}


def test_own_forces_sent_are_deployed_and_the_hanged_were_executed():
    [e] = only(code("The government in Khartoum sent army units to the border on Monday."), "MOBILIZE")
    assert e["source"]["code"] == "SDNGOV" and e["mode"] == "troops"
    assert not only(code("The government in Khartoum sent army units to the border on Monday."), "AID")
    # what is not armed forces is aid; peacekeepers are aid too (CAMEO 074)
    [e] = only(code("Egypt sent doctors and medicine to Gaza on Monday."), "AID")
    [e] = only(code("Three men convicted of spying were hanged in Tabriz on Sunday, the judiciary said."), "ASSAULT")
    assert e["target"]["sector"] == "CVL"
    [e] = only(code("Militants set the customs post ablaze on Sunday."), "COERCE")
    assert e["mode"] == "destroy"


def test_prisoners_exchanged_are_released_and_media_suspended_are_censored():
    [e] = only(code("Armenia and Azerbaijan exchanged 30 prisoners on Sunday."), "RETREAT")
    assert e["mode"] == "release" and {e["source"]["country"], e["target"]["country"]} == {"ARM", "AZE"}
    assert not only(code("Armenia and Azerbaijan exchanged 30 prisoners on Sunday."), "COOPERATE")
    [e] = only(code("Niger suspended three foreign radio stations on Friday."), "COERCE")
    assert e["mode"] == "censor"
    [e] = only(code("Canada suspended aid to Niger on Friday."), "SANCTION")
    # a measure aimed at someone is no attack
    events = code("Britain on Monday adopted new sanctions targeting Iranian shipping firms.")
    assert not only(events, "ASSAULT") and only(events, "SANCTION")


def test_an_intention_with_no_counterpart_is_no_agreement():
    events = code("The defence minister has been charged with fraud by prosecutors and will resign.")
    assert not only(events, "AGREE")
    assert only(events, "RETREAT", hypothetical=True)
    assert only(code("Norway said it will support the Kenyan mission in Haiti."), "AGREE")


def test_an_event_noun_modifying_another_noun_is_no_event():
    events = code("Activists blocked dozens of official websites over the weekend in the biggest "
                  "politically motivated cyber attack long-time analysts have ever recorded.")
    assert not only(events, "ASSAULT")


def test_a_bare_gerund_on_a_noun_names_an_activity_not_an_event():
    events = code("The government banned the militia on Monday because of its direct involvement in killing "
                  "in the northern province.")
    assert only(events, "COERCE") and not only(events, "ASSAULT")


def test_an_event_on_the_eve_of_which_something_happens_is_still_to_come():
    events = code("Kenya threatened to expel two diplomats on the eve of a visit by the Somali president.")
    assert only(events, "THREATEN") and not only(events, "CONSULT", hypothetical=False)
    assert only(code("Troops were deployed across the capital ahead of talks between the rebels and the government."),
                "CONSULT", hypothetical=True)


def test_a_demand_made_while_joining_a_protest_is_the_protest():
    events = code("Students rioted at the university in Dhaka on Tuesday, joining thousands of workers in "
                  "demanding the resignation of the government.")
    assert only(events, "PROTEST") and not only(events, "REQUEST")


def test_a_participle_restating_an_event_of_the_same_doer_and_target_is_that_event():
    events = code("Greece lodged an official protest with Turkey today, charging its neighbor with arming separatists "
                  "here in what is said was tantamount to declaring war.")
    [e] = only(events, "ACCUSE")
    assert e["source"]["country"] == "GRC" and e["target"]["country"] == "TUR"


def test_a_for_clause_with_its_own_subject_is_wished_for():
    events = code("According to reports France is pushing hard for Germany support its trade plan to reduce tariffs in Africa.")
    assert only(events, "SUPPORT", hypothetical=True) and not only(events, "SUPPORT", hypothetical=False)


def test_what_a_background_event_did_is_background_too():
    for prep in ("after", "following"):
        events = code(f"Angry students rioted {prep} a peaceful demonstration calling for the resignation of the president.")
        assert len(only(events, "PROTEST")) == 1 and not only(events, "REQUEST")


def test_an_event_someone_took_part_in_is_named_in_passing():
    events = code("A British student has been put under investigation in France for her possible role in rioting "
                  "during a summit in Nice last month, AFP reported.")
    assert not only(events, "PROTEST")


def test_a_when_clause_long_before_inside_a_relative_clause_is_background():
    events = code("Kenya said on Monday it had paid compensation to 40 elderly Somali traders for shops they lost "
                  "when police expelled them 45 years ago.")
    assert not only(events, "COERCE")


def test_talks_with_no_party_named_only_a_topic_are_no_meeting():
    events = code("Ethiopia's prime minister accused Egypt of restoring the pressure in the negotiations on "
                  "independence for Eritrea.")
    assert only(events, "ACCUSE") and not only(events, "CONSULT")


def test_two_parties_doing_together_what_is_done_with_someone_make_one_event():
    [e] = only(code("Kenya and Somalia have restored their diplomatic ties after a two-year break, officials said "
                    "on Monday."), "SUPPORT")
    assert {e["source"]["country"], e["target"]["country"]} == {"KEN", "SOM"}
    [e] = only(code("Armenians and Azerbaijanis failed to reach agreement on the border on Sunday."), "REJECT",
               hypothetical=False)
    assert {e["source"]["country"], e["target"]["country"]} == {"ARM", "AZE"}


def test_an_intention_restricted_by_only_is_no_offer():
    events = code("Kenya's president has refused to meet Somalia's visiting prime minister in Mombasa, saying he "
                  "would only welcome him in Nairobi, his office said.")
    assert only(events, "REJECT") and not only(events, "AGREE")


def test_an_agreement_or_refusal_with_no_counterpart_concerns_the_place_of_what_is_agreed():
    [e] = only(code("The student union agreed to call off the march in Nairobi."), "AGREE")
    assert e["target"]["country"] == "KEN"
    [e] = only(code("The African Union rejected a call for its troops to be deployed in Mogadishu."), "REJECT")
    assert e["target"]["country"] == "SOM"
    # a meeting's place is only its venue
    [e] = only(code("The rebels agreed to hold talks in Geneva."), "AGREE")
    assert e["target"] is None


def test_an_attacked_place_for_people_stands_for_them_in_the_passive_too():
    [e] = only(code("A shelter for Sudanese refugees was attacked by gunmen."), "ASSAULT")
    assert e["target"]["code"] == "SDNREF"


def test_an_assassination_with_no_doer_is_an_unidentified_armed_group_of_the_place():
    [e] = only(code("A plot to assassinate the mayor of Basra was foiled, police said."), "ASSAULT")
    assert e["source"]["code"] == "IRQUAF"


def test_whom_protesters_join_are_partners_not_the_target():
    [e] = only(code("Farmers marched in Dhaka, joining traders in demanding an end to Indian tariffs."), "PROTEST")
    assert e["target"]["country"] == "IND"


def test_who_undergoes_a_demanded_passive_is_not_who_is_asked():
    [e] = only(code("The rebels demanded that their commander be freed by the army."), "REQUEST")
    assert e["target"]["sector"] == "MIL"
    [e] = only(code("Students demanded that the dean be reinstated as head of the Kenyan education ministry."), "REQUEST")
    assert e["target"]["code"] == "KENGOV"
    # where or when it is to be done is no party
    [e] = only(code("Elders demanded that control of the Kenyan police be taken away from the army in the next "
                    "government."), "REQUEST")
    assert e["target"]["code"] == "KENMIL"


def test_what_a_protest_is_over_names_whom_it_is_against():
    [e] = only(code("Dockers went on strike over a decree signed by the Kenyan transport minister."), "PROTEST")
    assert e["target"]["code"] == "KENGOV"
    # also when the phrase hangs on the clause the strike is the circumstance of
    [e] = only(code("Nurses stopped work on the third day of a national strike on Tuesday over a decree signed "
                    "by the Ghanaian health minister."), "PROTEST")
    assert e["target"]["code"] == "GHAGOV"


def test_who_is_called_on_to_act_would_act():
    [e] = only(code("Qatar called on Ethiopia and Eritrea to agree to a truce."), "AGREE")
    assert {e["source"]["country"], e["target"]["country"]} == {"ETH", "ERI"}


def test_who_is_accused_of_an_act_is_its_alleged_doer():
    [e] = only(code("Azerbaijan accused Armenia of shelling a village in Tovuz."), "ASSAULT")
    assert e["source"]["country"] == "ARM" and e["hypothetical"]

def test_codebook_phrases_envoys_withdrawn_bans_violated_support_rallied():
    # withdrawing envoys or inspectors reduces relations (CAMEO 161, 166x); troops withdrawn retreat
    [e] = only(code("Sweden withdrew its ambassador from Iran on Tuesday."), "SANCTION")
    assert e["mode"] == "withdraw" and e["target"]["country"] == "IRN"
    assert only(code("Russia withdrew its troops from Syria on Tuesday."), "RETREAT")
    # defying a ban is a rejection (CAMEO 128); violating a truce an attack
    [e] = only(code("The rebels violated a ban on public meetings."), "REJECT")
    [e] = only(code("The militia violated the truce on Sunday."), "ASSAULT")
    [e] = only(code("The opposition is rallying support for the jailed leader."), "SUPPORT")
    [e] = only(code("A Dutch reporter was put under investigation in Morocco."), "ACCUSE")
    assert e["mode"] == "investigate" and e["target"]["country"] == "NLD"
    [e] = only(code("The junta suspended the constitution on Friday."), "COERCE")
    assert e["mode"] == "restrict"
    [e] = only(code("The families forgave the soldiers."), "SUPPORT")  # CAMEO 056


def test_who_staged_an_event_noun_did_it():
    [e] = only(code("Police broke up a rally staged by Iranian students."), "PROTEST")
    assert e["source"]["code"] == "IRNEDU"
    # "by" hung on a verb that has a subject of its own belongs to the object before it
    [e] = only(code("Police broke up a rally by opposition supporters in Tbilisi."), "PROTEST")
    assert e["source"]["code"] == "GEOOPP"
    # a bare noun after "by" is a manner, not a doer
    [e] = only(code("Police broke up the protest by force."), "PROTEST")
    assert not (e["source"] or {}).get("text")  # (unnamed: the protesters)


def test_who_is_kept_from_or_refrains_from_an_act_would_do_it():
    [e] = only(code("Washington warned Beijing against supplying drones to Russia."), "AID")
    assert e["source"]["country"] == "CHN"
    [e] = only(code("The UN urged Israel to refrain from attacking Rafah."), "ASSAULT")
    assert e["source"]["country"] == "ISR"


def test_forces_moved_to_fight_are_aimed_at_whom_they_are_to_fight():
    [e] = only(code("Rwanda deployed troops to fight insurgents in Mozambique."), "MOBILIZE")
    assert e["target"]["code"] == "MOZREB"
    # rebels of its own country are still whom it moves against
    [e] = only(code("Iraq massed troops to attack Kurdish rebels."), "MOBILIZE")
    assert e["target"]["code"] == "IRQREB"
    # with no one named, the place of the purpose
    [e] = only(code("Kenya deployed police to protect civilians in Haiti."), "MOBILIZE")
    assert e["target"]["country"] == "HTI"

def test_inspectors_sent_investigate_and_peacekeepers_deployed_are_aid():
    # sending inspectors, or a team to investigate, is an investigation of where they go (CAMEO 09)
    [e] = only(code("The agency sent 12 inspectors to Syria on Monday."), "ACCUSE")
    assert e["mode"] == "investigate" and e["target"]["country"] == "SYR"
    assert not only(code("The agency sent 12 inspectors to Syria on Monday."), "AID")
    events = code("Kenya sent a team of experts to Somalia to investigate the crash.")
    assert [e["target"]["country"] for e in only(events, "ACCUSE") if not e["hypothetical"]] == ["SOM"]
    # peacekeepers arriving or deployed keep the peace (CAMEO 074): aid to where they go
    [e] = only(code("The first Ghanaian peacekeeping troops arrived in Lebanon on Monday."), "AID")
    assert e["target"]["country"] == "LBN"
    [e] = only(code("The first deployment of UN peacekeepers has arrived in Haiti, an official said."), "AID")
    assert e["target"]["country"] == "HTI"
    assert only(code("Russia deployed troops to the border on Monday."), "MOBILIZE")


def test_a_finite_verb_joined_to_a_participle_clause_takes_the_main_clause_s_subject():
    [e] = only(code("The president inspected the returned soldiers, many wounded in the fighting, and thanked "
                    "Turkey for its mediation."), "SUPPORT")
    assert e["source"]["text"] == "The president" and e["target"]["country"] == "TUR"


def test_what_a_speaker_calls_an_act_is_what_it_condemns_and_its_doer_the_target():
    [e] = only(code("The UN rights office condemned what it called the disproportionate use of force by Kenyan "
                    "police."), "ACCUSE")
    assert (e["target"]["country"], e["target"]["sector"]) == ("KEN", "COP")
    [e] = only(code("Armenia's foreign ministry denounced what it described as a provocation by Azerbaijan."), "ACCUSE")
    assert e["target"]["country"] == "AZE"


def test_who_underwent_a_passive_in_a_time_phrase_is_the_subject_of_its_clause():
    [e] = only(code("Two reporters were hospitalised after being beaten by riot police in Nairobi."), "ASSAULT")
    assert e["target"]["sector"] == "JRN" and e["source"]["sector"] == "COP"


def test_people_hit_in_an_attack_were_hit_by_its_doer():
    [e] = only(code("Four people were killed in an Israeli airstrike on Rafah."), "ASSAULT")
    assert e["source"]["country"] == "ISR" and e["target"]["country"] == "PSE"
    [e] = only(code("Two policemen were wounded in clashes with Maoist rebels in Chhattisgarh."), "ASSAULT")
    assert e["source"]["sector"] == "REB"
    # a town before the attack noun is where it happened, not who did it
    [e] = only(code("Six people were killed in a Kandahar bombing."), "ASSAULT")
    assert e["source"]["code"] == "AFGUAF"


def test_the_place_of_what_an_attack_is_on_stands_for_its_people():
    [e] = only(code("A Ukrainian drone attack on a refinery in Krasnodar sparked a fire."), "ASSAULT")
    assert (e["target"]["country"], e["target"]["sector"]) == ("RUS", "CVL")


def test_where_a_meeting_is_held_is_no_counterpart():
    [e] = only(code("Venezuela agreed to resume talks in Oslo."), "AGREE")
    assert e["target"] is None

def test_orders_to_stop_restrict_and_exercises_together_cooperate():
    # an authority ordering its own people or bodies to stop restricts them; media are censored
    [e] = only(code("The government of Chad ordered two private newspapers to suspend publication."), "COERCE")
    assert e["mode"] == "censor" and e["target"]["sector"] == "JRN"
    assert only(code("The UN ordered Israel to stop the offensive."), "REQUEST")
    # exercises of two states together are military cooperation (CAMEO 062); a span of time counts them
    [e] = only(code("Turkish and Pakistani warships on Monday began ten days of naval drills."), "COOPERATE")
    assert {e["source"]["country"], e["target"]["country"]} == {"TUR", "PAK"}
    assert only(code("Russia held military drills near the border on Monday."), "MOBILIZE")
    # relief goods handed over are aid; people handed over are extradited
    [e] = only(code("Danish nurses handed over two tonnes of medicine to the Red Cross."), "AID")
    assert only(code("Kenya handed over the suspect to Uganda."), "COOPERATE")
    # a decision taken is the act decided
    [e] = only(code("The High Court decided to allow the opposition leader to run."), "CONCEDE")
    assert not e["hypothetical"]


def test_a_part_or_amount_of_a_thing_stands_for_it_in_a_phrase():
    # "parts of the constitution" are the constitution suspended, not relations cut
    [e] = only(code("The junta suspended parts of the constitution on Friday."), "COERCE")
    assert not only(code("The junta suspended parts of the constitution on Friday."), "SANCTION")
    [e] = only(code("Serbia and Kosovo exchanged hundreds of prisoners on Sunday."), "RETREAT")
    [e] = only(code("Canada banned all aid to the junta."), "SANCTION")
    assert e["mode"] == "discontinue"


def test_seeking_to_do_something_is_no_request():
    assert not only(code("The two leaders sought to ease tensions on Monday."), "REQUEST")
    [e] = only(code("Armenia sought help from Russia on Monday."), "REQUEST")


def test_an_act_ordered_is_the_orderers_and_more_event_nouns():
    # an event noun as the object of an order is the orderer's act, not a request
    events = code("Kenya ordered the deportation of 30 Somalis on Monday.")
    [e] = only(events, "COERCE")
    assert e["mode"] == "deport" and e["source"]["country"] == "KEN" and not e["hypothetical"]
    assert not only(events, "REQUEST")
    # an order to others is still a request
    assert only(code("The general ordered the troops to withdraw."), "REQUEST")
    [e] = only(code("Mali granted amnesty to the rebels on Monday."), "CONCEDE")
    [e] = only(code("The army began the evacuation of civilians from the town."), "AID")
    [e] = only(code("Turkey carried out the execution of two men on Monday."), "ASSAULT")
    assert e["mode"] == "targeted"
    [e] = only(code("The court handed down a death sentence to the journalist."), "SANCTION")
    assert e["mode"] == "convict"


def test_backing_and_recognition_extended_are_support():
    # a light verb carries an event noun of another kind: backing given is support, not aid
    events = code("The US gave its backing to the Egyptian plan on Monday.")
    assert only(events, "SUPPORT") and not only(events, "AID")
    [e] = only(code("Serbia extended recognition to the new government of Kosovo."), "SUPPORT")
    [e] = only(code("The EU slapped sanctions on Belarus on Monday."), "SANCTION")
    assert e["source"]["country"] == "IGO"


def test_a_march_is_against_what_it_heads_for_not_where_it_starts():
    [e] = only(code("LIMA, Peru - Pensioners marched from the Plaza Dos de Mayo toward the Congress building on "
                    "Wednesday.", "2025-10-16"), "PROTEST")
    assert (e["target"]["country"], e["target"]["sector"]) == ("PER", "LEG")


def test_barring_entry_is_a_refusal_and_support_voiced_is_support():
    [e] = only(code("Norway barred entry to four Belarusian officials on Monday."), "REJECT")
    assert e["source"]["country"] == "NOR" and e["target"]["country"] == "BLR"
    [e] = only(code("Canada voiced support for Estonia on Tuesday."), "SUPPORT")
    assert e["target"]["country"] == "EST"


def test_a_passive_subject_completes_a_trigger_phrase_as_its_object_would():
    [e] = only(code("Mobile internet was cut by the authorities in Tigray on Monday."), "COERCE")
    assert e["mode"] == "censor"


def test_what_something_is_called_is_no_event_of_its_own():
    events = code('The president condemned the bombing as "an assault on the whole nation".')
    assert [e["event_type"] for e in events] == ["ACCUSE"]


def test_a_warning_that_is_a_threat_is_not_also_an_accusation():
    events = code("A foreign ministry spokesman warned that Beijing would take countermeasures if Manila continued "
                  "its provocations.")
    assert [e["event_type"] for e in events] == ["THREATEN"]


def test_two_parties_agreeing_to_stop_fighting_agree_with_each_other_on_a_ceasefire():
    events = code("Ethiopia's defence minister and Eritrea's foreign minister spoke by phone. The two ministers "
                  "agreed to halt the fighting and to hold talks in Jeddah.")
    [agree] = only(events, "AGREE")
    assert {agree["source"]["country"], agree["target"]["country"]} == {"ETH", "ERI"}
    [ceasefire] = [e for e in events if e["event_type"] == "RETREAT"]
    assert ceasefire["mode"] == "ceasefire"


def test_a_phrase_does_not_reach_into_a_clause_joined_to_its_verb():
    # "halt the fighting and hold talks" is no "halt talks"
    events = code("The rebels agreed to halt the fighting and to hold talks in Doha.")
    assert not [e for e in events if e["event_type"] == "SANCTION"]


def test_a_region_locked_down_stands_for_its_people():
    [e] = only(code("PORT-AU-PRINCE, Haiti - The government declared a state of emergency in the Nippes "
                    "department on Wednesday.", "2025-04-03"), "COERCE")
    assert (e["target"]["country"], e["target"]["sector"]) == ("HTI", "CVL")

def test_an_arrest_told_of_someone_unnamed_is_an_event():
    [e] = only(code("Last week she was arrested at her home."), "COERCE")
    assert e["mode"] == "arrest" and not e["negated"] and not e["hypothetical"]
    assert not only(code("The ministry was praised."), "COERCE")
    [c] = only(code("Two days later he was charged with fraud."), "ACCUSE")
    assert c["mode"] == "allege"


def test_a_state_body_reporting_a_passive_arrest_or_inquiry_did_it():
    [e] = only(code("Prosecutors said an inquiry has been opened into the shooting."), "ACCUSE")
    assert e["source"]["sector"] == "JUD" and e["mode"] == "investigate"
    [a] = only(code("Police said 12 students were detained near the campus."), "COERCE")
    assert a["source"]["sector"] == "COP"
    assert not only(code("A lawyer said an inquiry has been opened into the shooting."), "ACCUSE")


def test_a_word_below_a_preposition_the_phrase_does_not_name_is_no_part_of_it():
    assert not only(code("The council opened a review into the fire at the depot."), "ASSAULT")
    assert only(code("Guards opened fire on the convoy."), "ASSAULT", mode="firearms")


def test_whoever_faces_or_answers_a_charge_is_its_target():
    [e] = only(code("The former governor pleaded not guilty to charges of embezzlement."), "ACCUSE")
    assert e["target"]["sector"] == "GOV"
    [t] = only(code("The opposition leader faces charges of sedition."), "ACCUSE")
    assert t["target"]["sector"] == "OPP"

def test_headline_gerund_before_a_killing_verb_is_one_event():
    title = "Army shelling kills nine in Idlib"
    events = only(flashpoint.extract(title, published="2024-03-06", title=title), "ASSAULT")
    [e] = events
    assert e["trigger"]["text"] == "shelling" and e["source"]["sector"] == "MIL"
    assert e["target"]["sector"] == "CVL" and e["fatalities"] == 9


def test_headline_clause_after_as_has_its_own_subject():
    title = "Israeli troops kill two in Jenin as Hamas and Fatah hold talks"
    events = flashpoint.extract(title, published="2024-03-06", title=title)
    [talks] = only(events, "CONSULT")
    assert {talks["source"]["name"], talks["target"]["name"]} == {"Hamas", "Fatah"}


def test_a_number_after_over_is_whom_the_verb_acts_on():
    [e] = only(code("Police detained around 40 in Nairobi on Monday."), "COERCE")
    assert e["target"]["sector"] == "CVL" and e["target"]["text"] == "40"


def test_a_protest_with_no_one_named_is_done_by_protesters():
    [e] = only(code("A pension protest turned violent in Lima on Monday."), "PROTEST")
    assert e["source"]["sector"] == "CVL" and e["source"]["country"] == "PER"


def test_headline_verbs_the_tagger_took_for_adjectives_or_with_a_compound_subject():
    title = "Rebels free 12 hostages in eastern Congo"
    [e] = only(flashpoint.extract(title, published="2024-03-06", title=title), "RETREAT")
    assert e["source"]["sector"] == "REB" and e["target"]["sector"] == "CVL"
    title = "Mali junta expels French ambassador"
    [e] = only(flashpoint.extract(title, published="2024-03-06", title=title), "SANCTION")
    assert e["source"]["country"] == "MLI" and e["target"]["country"] == "FRA"


def test_an_opening_gerund_with_a_doer_and_a_killing_verb_is_one_event():
    events = only(code("Shelling by Syrian army units killed 14 people in Idlib on Monday."), "ASSAULT")
    [e] = events
    assert e["source"]["code"] == "SYRMIL" and e["fatalities"] == 14 and e["mode"] == "heavy-weapons"


def test_a_headline_root_noun_with_an_object_is_a_verb():
    title = "Roadside bomb wounds four policemen in Kandahar"
    [e] = only(flashpoint.extract(title, published="2024-03-06", title=title), "ASSAULT")
    assert e["mode"] == "explosives" and e["target"]["sector"] == "COP" and e["injuries"] == 4


def test_a_weapon_as_the_subject_of_an_attack_verb_is_the_weapon_used():
    [e] = only(code("Russian drones killed four people in Sumy on Monday."), "ASSAULT")
    assert e["mode"] == "aerial" and e["source"]["country"] == "RUS"


def test_a_bare_number_right_after_a_headline_verb_is_whom_it_acts_on():
    title = "Police arrest 20 as protesters block roads in Lagos"
    [e] = only(flashpoint.extract(title, published="2024-03-06", title=title), "COERCE")
    assert e["target"]["sector"] == "CVL" and e["arrests"] == 20


def test_a_curfew_imposed_by_no_one_named_is_still_imposed_on_a_place():
    [e] = only(code("A curfew was imposed in Mekelle on Monday night.", "2025-06-18"), "COERCE")
    assert e["mode"] == "curfew" and e["target"]["country"] == "ETH" and e["target"]["sector"] == "CVL"
