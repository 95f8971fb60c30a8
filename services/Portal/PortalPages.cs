namespace MynaPlatform.Portal;

/// <summary>A screen of the portal: its page name (as Razor Pages names it), its path and its title.</summary>
public sealed record PortalPage(string PageName, string Path, string Title, bool RequiresLogin);

/// <summary>
/// Every screen of the portal. The browser tests check each one, and a test fails when a page
/// exists in the assembly but is missing here.
/// </summary>
public static class PortalPages
{
    public static readonly PortalPage Menu = new("/Index", "/", "メニュー", true);
    public static readonly PortalPage Login = new("/Login", "/login", "ログイン", false);
    public static readonly PortalPage Logout = new("/Logout", "/logout", "ログアウト", true);
    public static readonly PortalPage Notices = new("/Notices/Index", "/notices", "お知らせ", true);
    public static readonly PortalPage NoticeView = new("/Notices/View", "/notices/view", "お知らせの内容", true);
    public static readonly PortalPage SelfInfo = new("/SelfInfo/Index", "/self-info", "あなたの情報", true);
    public static readonly PortalPage SelfInfoRecords = new("/SelfInfo/Records", "/self-info/records", "あなたの情報の一覧", true);
    public static readonly PortalPage AccessLog = new("/AccessLog/Index", "/access-log", "やりとり履歴", true);
    public static readonly PortalPage Account = new("/Account/Index", "/account", "利用者情報", true);
    public static readonly PortalPage Email = new("/Account/Email", "/account/email", "メールアドレスの変更", true);
    public static readonly PortalPage Sessions = new("/Sessions", "/sessions", "ログイン中の端末", true);
    public static readonly PortalPage LoginHistory = new("/LoginHistory", "/login-history", "ログイン履歴", true);
    public static readonly PortalPage Card = new("/Card", "/card", "カードの状態の確認と紛失の届出", false);
    public static readonly PortalPage Error = new("/Error", "/error", "エラー", false);

    public static readonly IReadOnlyList<PortalPage> All = [Menu, Login, Logout, Notices, NoticeView, SelfInfo, SelfInfoRecords, AccessLog, Account, Email, Sessions, LoginHistory, Card, Error];

    /// <summary>Pages reachable without logging in: the login itself, the error page and the help for a lost card.</summary>
    public static IEnumerable<string> Anonymous => All.Where(page => !page.RequiresLogin).Select(page => page.PageName);
}
