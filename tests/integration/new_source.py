"""A new source as an editor would add one: an extract of a later conference that revises
Resolution 130 and cites the version before it."""

NEW_SOURCE = """MOD\t#1
RESOLUTION 130 (Rev. Bucharest, 2022)
Strengthening the role of ITU in building confidence and security in the use of information and communication technologies
The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),
recalling
a)\tResolution 130 (Rev. Dubai, 2018) of the Plenipotentiary Conference;
resolves
1\tto continue to give this work high priority within ITU;
"""
NEW_META = """title: "Final Acts of the Plenipotentiary Conference (Bucharest, 2022), extract"
body: pp
body_name: Plenipotentiary Conference
conference: Bucharest, 2022
year: 2022
status: adopted
markup: word-export
"""
