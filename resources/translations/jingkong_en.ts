<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BulkDispatcher</name>
    <message numerus="yes">
        <source>%n grid leader(s)</source>
        <translation>
            <numerusform>%n grid leader</numerusform>
            <numerusform>%n grid leaders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n village office(s)</source>
        <translation>
            <numerusform>%n village office</numerusform>
            <numerusform>%n village offices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n town office(s)</source>
        <translation>
            <numerusform>%n town office</numerusform>
            <numerusform>%n town offices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the county command office</source>
        <translation>
            <numerusform>the county command office</numerusform>
            <numerusform>the county command office</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) created</source>
        <translation>
            <numerusform>%n task created</numerusform>
            <numerusform>%n tasks created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dispatch taken back: %n task(s) cancelled</source>
        <translation>
            <numerusform>Dispatch taken back: %n task cancelled</numerusform>
            <numerusform>Dispatch taken back: %n tasks cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already closed, left as they are</source>
        <translation>
            <numerusform>%n already closed, left as they are</numerusform>
            <numerusform>%n already closed, left as they are</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message numerus="yes">
        <source>%n camera(s)</source>
        <translation>
            <numerusform>%n camera</numerusform>
            <numerusform>%n cameras</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <source>First %n row(s) checked: </source>
        <translation>
            <numerusform>First %n row checked: </numerusform>
            <numerusform>First %n rows checked: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n open conflict</numerusform>
            <numerusform>%n open conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DispatchConfirmDialog</name>
    <message numerus="yes">
        <source>%n person(s) in all. Edit › Undo (Ctrl+Z) takes the dispatch back: the tasks are cancelled, with a note in their audit trail.</source>
        <translation>
            <numerusform>%n person in all. Edit › Undo (Ctrl+Z) takes the dispatch back: the tasks are cancelled, with a note in their audit trail.</numerusform>
            <numerusform>%n people in all. Edit › Undo (Ctrl+Z) takes the dispatch back: the tasks are cancelled, with a note in their audit trail.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message numerus="yes">
        <source>%n feature(s) at %1</source>
        <translation>
            <numerusform>%n feature at %1</numerusform>
            <numerusform>%n features at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message numerus="yes">
        <source>%n incident task(s) overdue</source>
        <translation>
            <numerusform>%n incident task overdue</numerusform>
            <numerusform>%n incident tasks overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskQueuePanel</name>
    <message numerus="yes">
        <source>Integrity alarm: %n task(s) changed outside the console, status unlike events (tasks %1)</source>
        <translation>
            <numerusform>Integrity alarm: %n task changed outside the console, status unlike events (tasks %1)</numerusform>
            <numerusform>Integrity alarm: %n tasks changed outside the console, status unlike events (tasks %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue task(s) escalated</source>
        <translation>
            <numerusform>%n overdue task escalated</numerusform>
            <numerusform>%n overdue tasks escalated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n task(s) changed</source>
        <translation>
            <numerusform>%1: %n task changed</numerusform>
            <numerusform>%1: %n tasks changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>task %1 fanned out into %n task(s)</source>
        <translation>
            <numerusform>task %1 fanned out into %n task</numerusform>
            <numerusform>task %1 fanned out into %n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopologyPage</name>
    <message numerus="yes">
        <source>%1 in the file; %n problem(s) listed below. Nothing has been replaced: tick the box to replace the layers anyway (points in a gap then belong to no grid).</source>
        <translation>
            <numerusform>%1 in the file; %n problem listed below. Nothing has been replaced: tick the box to replace the layers anyway (points in a gap then belong to no grid).</numerusform>
            <numerusform>%1 in the file; %n problems listed below. Nothing has been replaced: tick the box to replace the layers anyway (points in a gap then belong to no grid).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in the file; %n problem(s) listed below block the replacement (rows that cannot be read, codes not nested): mend the file. Nothing has been replaced.</source>
        <translation>
            <numerusform>%1 in the file; %n problem listed below blocks the replacement (rows that cannot be read, codes not nested): mend the file. Nothing has been replaced.</numerusform>
            <numerusform>%1 in the file; %n problems listed below block the replacement (rows that cannot be read, codes not nested): mend the file. Nothing has been replaced.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WarningPanel</name>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
</TS>
