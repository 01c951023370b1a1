using System.Globalization;
using GovBot.Data.Places;
using GovBot.Data.Reference;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;

namespace GovBot.Skills.Reports;

/// <summary>
/// A location sent with a report: the nearest compound with coordinates within <see cref="ReportOptions.LocationRadiusMeters"/>
/// is where the problem is, ahead of the resident's home and the label WeCom attaches; when the building is not known
/// yet the resident picks it from the compound's buildings. Nothing near: the label is the place, as before.
/// </summary>
public sealed partial class ReportSkill
{
    private const string NearSlot = "near", BuildingAskedSlot = "buildingAsked", LabelSlot = "label", BuildingStep = "building";
    private const string NotInBuilding = "不在楼里";

    private async Task<DialogState> AbsorbLocationAsync(DialogState form, GeoPoint at, CancellationToken ct)
    {
        form = form.With(LatSlot, at.Latitude.ToString(CultureInfo.InvariantCulture))
            .With(LngSlot, at.Longitude.ToString(CultureInfo.InvariantCulture));
        if (at.Label is { Length: > 0 } label) form = form.With(LabelSlot, label);
        if (!form.Slots.ContainsKey(Place) || form.Slot(Place)!.StartsWith("loc:", StringComparison.Ordinal))
            form = form.With(Place, "loc:" + (at.Label ?? "位置")).With(Place + "#", at.Label ?? "已发送的位置");
        if ((await reference.GetAsync(ct)).NearestCompound(at.Latitude, at.Longitude, options.Value.LocationRadiusMeters) is not { } near)
            return form;
        // A building the resident already named stays, unless it was in another compound than the one they stand in.
        if (form.Slot(Compound) != near.Compound.Name) form = form.Without(BuildingIdSlot);
        return form.With(Compound, near.Compound.Name).With(NearSlot, near.Compound.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The compound the location found, while the resident has not named another since.</summary>
    private Compound? NearCompound(DialogState form, ReferenceSnapshot places) =>
        int.TryParse(form.Slot(NearSlot), CultureInfo.InvariantCulture, out var id) && places.Compound(id) is { } c && c.Name == form.Slot(Compound)
            ? c
            : null;

    /// <summary>Located in a compound but not at a building: asks which one, once, before the summary.</summary>
    private FormCheck? AskBuilding(TurnContext turn, DialogState form, Compound compound, ReferenceSnapshot places)
    {
        if (form.Slot(BuildingAskedSlot) is not null || form.Slot(Place) is not { } place || !place.StartsWith("loc:", StringComparison.Ordinal))
            return null;
        if (NearCompound(form, places)?.Id != compound.Id) return null;
        var buildings = places.BuildingsOf(compound.Id);
        if (buildings.Count == 0) return null;
        var choices = buildings.Select(b => b.Name).Append(NotInBuilding).ToList();
        return Stop(turn, form.With(BuildingAskedSlot, "1") with { Step = BuildingStep, Choices = choices },
            Reply.Of(new ChoicesPart($"看位置是在{compound.Name}。是哪栋楼？不在楼里就选「{NotInBuilding}」。", choices)));
    }

    private async Task<Reply> PickBuildingAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var choices = form.Choices ?? [];
        var places = await reference.GetAsync(ct);
        var compound = NearCompound(form, places);
        Building? building = null;
        // 「3」「3号楼」: the building of that number, rather than the third choice.
        if (compound is not null && BuildingNumber().Match(turn.Text) is { Success: true } m)
            building = places.Building(compound.Id, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var choice = building is null ? ChoiceMatcher.Match(turn.Text, choices) : null;
        if (building is null && choice is { } i && i < choices.Count - 1 && compound is not null)
            building = places.BuildingsOf(compound.Id).FirstOrDefault(b => b.Name == choices[i]);
        if (building is null && choice != choices.Count - 1)
        {
            turn.Continue(form);
            return Reply.Of(new ChoicesPart($"请回复楼号，比如「3号楼」；不在楼里就回复「{NotInBuilding}」：", choices));
        }
        if (building is not null)
            form = form.With(Place, "n:" + building.Number.ToString(CultureInfo.InvariantCulture)).With(Place + "#", building.Name);
        return await ResumeAsync(turn, form with { Step = null, Choices = null }, null, ct);
    }
}
