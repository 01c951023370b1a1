using GovBot.Data.CheckIns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Places;

/// <summary>
/// Codes from the county's structure workbook: unique where set (rows made by the bot or the demo have none), so
/// that an import finds the same row again whatever it is called today.
/// </summary>
internal static class PlaceCodes
{
    public const int MaxLength = 64;

    public static void HasCode<T>(EntityTypeBuilder<T> b, string table) where T : class
    {
        b.Property<string?>("Code").HasMaxLength(MaxLength);
        b.HasIndex("Code").IsUnique().HasFilter("\"Code\" IS NOT NULL").HasDatabaseName($"IX_{table}_Code");
    }
}

internal sealed class CountyCodeConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> b) => PlaceCodes.HasCode(b, "Counties");
}

internal sealed class TownCodeConfiguration : IEntityTypeConfiguration<Town>
{
    public void Configure(EntityTypeBuilder<Town> b) => PlaceCodes.HasCode(b, "Towns");
}

internal sealed class CommunityCodeConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> b)
    {
        PlaceCodes.HasCode(b, "Communities");
        b.HasIndex(x => x.WeComDepartmentId);
    }
}

internal sealed class GridCodeConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> b)
    {
        PlaceCodes.HasCode(b, "Grids");
        b.HasIndex(x => x.WeComDepartmentId);
    }
}

internal sealed class MicroGridCodeConfiguration : IEntityTypeConfiguration<MicroGrid>
{
    public void Configure(EntityTypeBuilder<MicroGrid> b) => PlaceCodes.HasCode(b, "MicroGrids");
}

internal sealed class CompoundCodeConfiguration : IEntityTypeConfiguration<Compound>
{
    public void Configure(EntityTypeBuilder<Compound> b) => PlaceCodes.HasCode(b, "Compounds");
}

internal sealed class PropertyManagerCodeConfiguration : IEntityTypeConfiguration<PropertyManager>
{
    public void Configure(EntityTypeBuilder<PropertyManager> b) => PlaceCodes.HasCode(b, "PropertyManagers");
}

internal sealed class ServiceStationCodeConfiguration : IEntityTypeConfiguration<ServiceStation>
{
    public void Configure(EntityTypeBuilder<ServiceStation> b) => PlaceCodes.HasCode(b, "ServiceStations");
}

internal sealed class WorkUnitCodeConfiguration : IEntityTypeConfiguration<WorkUnit>
{
    public void Configure(EntityTypeBuilder<WorkUnit> b) => PlaceCodes.HasCode(b, "WorkUnits");
}
