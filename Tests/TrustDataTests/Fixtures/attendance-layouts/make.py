# Writes the three layouts of the same marks (run once; the CSVs are committed). Fictional pupils.
import datetime as dt
weeks = [dt.date(2024, 9, 2), dt.date(2024, 9, 9)]
# (upn, week strings); a second row for the same pupil is a duplicate listing.
rows = [
    ("G881200100001", ["/\\/\\/\\NN##", "/\\/\\II/\\/\\"]),
    ("W881200100002", ["/\\/\\/\\/\\/\\", "/\\-\\/\\/\\GG"]),
    ("K881200100003", ["/\\/\\/\\/\\/\\", "/\\/\\/\\/\\/\\"]),
    ("K881200100003", ["N---------", "----------"]),
    ("Z881200100004", ["/\\/\\/\\/\\/\\", "/\\/\\/\\/\\H\\"]),
    ("C881200100006", ["/\\/\\/\\/\\/\\", "/\\/\\/\\/---"]),
    ("F881200100008", ["----/\\/\\/\\", "/\\/\\/\\/\\/\\/\\--"]),
]
def sessions(week, s):
    for j, ch in enumerate(s):
        yield week + dt.timedelta(days=j // 2), "PM" if j % 2 else "AM", ch
with open("marks-weekly.csv", "w", newline="") as f:
    f.write("URN,UPN,Surname,Forename," + ",".join("w/c " + w.strftime("%d/%m/%Y") for w in weeks) + "\r\n")
    names = {"G881200100001": "Ash,Amy", "W881200100002": "Beech,Ben", "K881200100003": "Cedar,Cal",
             "Z881200100004": "Damson,Dee", "C881200100006": "Elm,Eve", "F881200100008": "Gorse,Gus"}
    for upn, strings in rows:
        f.write(f"100001,{upn},{names[upn]}," + ",".join(strings) + "\r\n")
with open("marks-long.csv", "w", newline="") as f:
    f.write("URN,UPN,Date,Session,Mark\r\n")
    for upn, strings in rows:
        for w, s in zip(weeks, strings):
            for day, ses, ch in sessions(w, s):
                if ch not in "- ":
                    f.write(f"100001,{upn},{day.strftime('%d/%m/%Y')},{ses},{ch}\r\n")
cols = []
for w in weeks:
    for d in range(5):
        for ses in ("AM", "PM"):
            cols.append((w + dt.timedelta(days=d), ses))
cols += [(dt.date(2024, 9, 14), "AM"), (dt.date(2024, 9, 14), "PM")]
with open("marks-sessions.csv", "w", newline="") as f:
    f.write("UPN,URN,Name," + ",".join(d.strftime("%a %d/%m/%Y ") + s for d, s in cols) + "\r\n")
    for upn, strings in rows:
        marks = {}
        for w, s in zip(weeks, strings):
            for day, ses, ch in sessions(w, s):
                if ch not in "- ":
                    marks[(day, ses)] = ch
        f.write(f"{upn},100001,\"{names[upn].replace(',', ', ')}\"," + ",".join(marks.get(c, "") for c in cols) + "\r\n")
