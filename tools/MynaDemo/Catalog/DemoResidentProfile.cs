namespace MynaPlatform.MynaDemo.Catalog;

/// <summary>
/// The fictitious resident of the demo: the name used on Japanese sample forms, living in the demo
/// city in 試験町, a town the JPKI simulator also uses and that does not exist.
/// </summary>
public static class DemoResidentProfile
{
    public const string Name = "山田 花子";
    public const string BirthDate = "1988-05-14";
    public const string Sex = "female";

    public static string Address => $"{DemoAgencies.FirstWard().FullName}試験町1丁目2番3号";
}
