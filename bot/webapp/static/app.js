/* Rejection Coach dashboard: plain JavaScript, no build step, no libraries.
 *
 * Every word comes from the server (prompts.yaml), in the person's language; this file holds
 * none. Charts are inline SVG drawn here. Text from the server is always set as text
 * (textContent), never as HTML. Works with Telegram's telegram-web-app.js (theme, viewport,
 * main and back buttons) and without it (initData and theme from the URL fragment).
 */
"use strict";

(function () {
  const tg = window.Telegram && window.Telegram.WebApp ? window.Telegram.WebApp : null;
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const initData = (tg && tg.initData) || hash.get("tgWebAppData") || "";
  const shell = shellTexts(JSON.parse(document.getElementById("shell-texts").textContent || "{}"));
  const root = document.getElementById("app");
  const TABS = ["overview", "history", "ladder", "settings"];
  const OUTCOME_CODES = { no: "no", yes: "yes", no_answer: "na", partial: "mid" };
  const FIELDS = ["outcome", "predicted_no_pct", "anxiety_before", "anxiety_after", "lesson"];
  const SVG = "http://www.w3.org/2000/svg";
  const OWN_WORDS = "-own-words";

  let data = null;
  let tab = "overview";
  let filters = { outcome: "", category: "" };
  let notice = "";

  // -- small helpers ------------------------------------------------------------------------

  // The words shown before the API answers, in the language Telegram's initData names
  // (the browser's outside Telegram), English when we don't speak it.
  function shellTexts(byLanguage) {
    let code = "";
    try {
      code = JSON.parse(new URLSearchParams(initData).get("user") || "{}").language_code || "";
    } catch (error) {
      code = "";
    }
    code = (code || navigator.language || "").toLowerCase().replace("_", "-").split("-")[0];
    const chosen = byLanguage[code] ? code : "en";
    document.documentElement.lang = chosen;
    return byLanguage[chosen] || {};
  }

  function t(key, params) {
    const template = (data && data.texts[key]) || shell[key] || "";
    return template.replace(/\{(\w+)\}/g, (whole, name) =>
      params && name in params ? String(params[name]) : whole);
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  function svg(tag, attrs, children) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, String(value));
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  function score(value) {
    return value === null || value === undefined ? t("dashboard.history.blank") : String(value);
  }

  // -- theme ----------------------------------------------------------------------------------

  function applyTheme() {
    let params = tg ? tg.themeParams : null;
    if (!tg && hash.get("tgWebAppThemeParams")) {
      try {
        params = JSON.parse(hash.get("tgWebAppThemeParams"));
        for (const [name, value] of Object.entries(params)) {
          if (/^#[0-9a-f]{3,8}$/i.test(value)) {
            document.documentElement.style.setProperty(
              "--tg-theme-" + name.replace(/_/g, "-"), value);
          }
        }
      } catch (error) {
        params = null;
      }
    }
    let dark;
    if (tg && tg.colorScheme) dark = tg.colorScheme === "dark";
    else if (params && params.bg_color) dark = luminance(params.bg_color) < 0.4;
    else dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.dataset.scheme = dark ? "dark" : "light";
  }

  function luminance(colour) {
    const hex = colour.replace("#", "");
    const full = hex.length === 3 ? hex.replace(/./g, "$&$&") : hex.slice(0, 6);
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  // -- talking to the coach -----------------------------------------------------------------

  async function call(method, path, body) {
    const response = await fetch("api/" + path, {
      method: method,
      headers: { Authorization: "tma " + initData, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
    });
    let payload = null;
    try {
      payload = await response.json();
    } catch (error) {
      payload = null;
    }
    if (response.ok) return { ok: true, summary: payload };
    if (response.status === 401) return { ok: false, error: t("dashboard.open_in_telegram") };
    return { ok: false, error: (payload && payload.error) || t("dashboard.trouble") };
  }

  async function change(method, path, body, done) {
    const result = await call(method, path, body);
    if (!result.ok) return result.error;
    data = result.summary;
    notice = typeof done === "function" ? done() : done;
    render();
    return null;
  }

  // -- page -------------------------------------------------------------------------------------

  function render() {
    root.replaceChildren();
    root.setAttribute("aria-busy", "false");
    document.documentElement.lang = data.language || "en";
    document.title = t("dashboard.title");
    root.append(el("h1", { text: t("dashboard.title") }));
    root.append(tabList());
    root.append(el("p", { id: "status", class: "status", role: "status", text: notice }));
    const panel = el("section", {
      id: "panel-" + tab, role: "tabpanel", "aria-labelledby": "tab-" + tab, tabindex: "-1",
    });
    ({ overview: overview, history: history, ladder: ladder, settings: settings })[tab](panel);
    root.append(panel);
    syncTelegramButtons();
  }

  function tabList() {
    const list = el("div", { class: "tabs", role: "tablist" });
    for (const name of TABS) {
      list.append(el("button", {
        id: "tab-" + name, role: "tab", type: "button", "aria-controls": "panel-" + name,
        "aria-selected": String(name === tab), tabindex: name === tab ? "0" : "-1",
        text: t("dashboard.tabs." + name),
        onclick: () => show(name),
        onkeydown: (event) => {
          const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
          if (!step) return;
          const next = TABS[(TABS.indexOf(name) + step + TABS.length) % TABS.length];
          show(next);
          document.getElementById("tab-" + next).focus();
        },
      }));
    }
    return list;
  }

  function show(name) {
    tab = name;
    notice = "";
    render();
  }

  function syncTelegramButtons() {
    if (!tg) return;
    if (tg.BackButton) {
      if (tab === "overview") tg.BackButton.hide();
      else tg.BackButton.show();
    }
    if (tg.MainButton) {
      if (tab === "settings") {
        tg.MainButton.setText(t("dashboard.settings.save"));
        tg.MainButton.show();
      } else {
        tg.MainButton.hide();
      }
    }
  }

  // -- overview: forecasts against reality, anxiety, asks per week ----------------------------

  function overview(panel) {
    const forecast = data.forecast;
    const card = el("div", { class: "card", id: "forecast" }, [
      el("h2", { text: t("dashboard.forecast.title") }),
      el("p", {
        class: "sentence", id: "forecast-sentence",
        text: forecast.sentence || t("dashboard.forecast.none"),
      }),
    ]);
    if (forecast.sentence) card.append(forecastChart(forecast.weeks));
    panel.append(card);
    const charts = data.charts;
    if (!charts.anxiety.length) {
      panel.append(el("div", { class: "card" }, [el("p", { text: t("stats.nothing_yet") })]));
      return;
    }
    panel.append(el("div", { class: "card" }, [anxietyChart(charts.anxiety)]));
    panel.append(el("div", { class: "card" }, [weeksChart(charts.weeks)]));
  }

  function chartFrame(id, title, legend, described) {
    const figure = el("figure", { id: id });
    figure.append(el("figcaption", {}, [el("h2", { text: title })]));
    figure.append(el("ul", { class: "legend", "aria-hidden": "true" },
      legend.map(([name, key]) => el("li", { class: "k-" + name, text: t(key) }))));
    figure.append(el("ul", { class: "visually-hidden" },
      described.map((line) => el("li", { text: line }))));
    return figure;
  }

  const W = 340;
  const H = 170;
  const PAD = { left: 30, right: 6, top: 8, bottom: 24 };

  function axes(top, ticks, labels) {
    const group = svg("g", { "aria-hidden": "true" });
    const height = H - PAD.top - PAD.bottom;
    for (const tick of ticks) {
      const y = PAD.top + height - (tick / top) * height;
      group.append(svg("line", { class: "grid", x1: PAD.left, x2: W - PAD.right, y1: y, y2: y }));
      group.append(svg("text", { x: PAD.left - 4, y: y + 4, "text-anchor": "end", text: tick }));
    }
    const slot = (W - PAD.left - PAD.right) / Math.max(labels.length, 1);
    const every = Math.ceil(labels.length / 5);
    labels.forEach((label, index) => {
      if ((labels.length - 1 - index) % every !== 0) return;  // the newest is always named
      group.append(svg("text", {
        x: PAD.left + slot * (index + 0.5), y: H - 6, "text-anchor": "middle", text: label,
      }));
    });
    return group;
  }

  function scaleY(value, top) {
    const height = H - PAD.top - PAD.bottom;
    return PAD.top + height - (value / top) * height;
  }

  function bars(series, top, classes) {
    const group = svg("g", { "aria-hidden": "true" });
    const slot = (W - PAD.left - PAD.right) / Math.max(series.length, 1);
    const width = Math.min(18, (slot - 6) / classes.length);
    series.forEach((values, index) => {
      values.forEach((value, k) => {
        if (value === null || value === undefined) return;
        const x = PAD.left + slot * (index + 0.5) - (width * classes.length) / 2 + width * k;
        const y = scaleY(value, top);
        // A zero still shows as a sliver on the baseline: "none" is an answer too.
        const height = Math.max(scaleY(0, top) - y, 2);
        group.append(svg("rect", {
          class: classes[k], x: x, y: scaleY(0, top) - height, width: Math.max(width - 1, 1),
          height: height, rx: 1,
        }));
      });
    });
    return group;
  }

  function chartSvg(label, parts) {
    return svg("svg", {
      class: "chart", viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": label,
    }, parts);
  }

  function forecastChart(weeks) {
    const described = weeks.map((week) => week.expected === null
      ? t("dashboard.forecast.no_guess", { date: week.label })
      : t("dashboard.forecast.week", {
        date: week.label, expected: week.expected, heard: week.heard,
      }));
    const figure = chartFrame("forecast-chart", t("dashboard.forecast.title"),
      [["expected", "dashboard.forecast.expected"], ["heard", "dashboard.forecast.heard"]],
      described);
    figure.querySelector("h2").className = "visually-hidden";
    figure.append(chartSvg(data.forecast.sentence, [
      axes(100, [0, 25, 50, 75, 100], weeks.map((week) => week.label)),
      bars(weeks.map((week) => [week.expected, week.heard]), 100, ["s-expected", "s-heard"]),
    ]));
    return figure;
  }

  function anxietyChart(points) {
    const title = t("stats.chart.title_anxiety");
    const described = points.map((point) => t("dashboard.anxiety.point", {
      date: point.label, before: score(point.before), after: score(point.after),
    }));
    const figure = chartFrame("anxiety-chart", title,
      [["before", "stats.chart.before"], ["after", "stats.chart.after"]], described);
    const slot = (W - PAD.left - PAD.right) / Math.max(points.length, 1);
    const lines = svg("g", { "aria-hidden": "true" });
    for (const [name, cls] of [["before", "s-before"], ["after", "s-after"]]) {
      const known = points.map((point, index) => [index, point[name]])
        .filter(([, value]) => value !== null && value !== undefined);
      const path = known.map(([index, value], k) =>
        (k ? "L" : "M") + (PAD.left + slot * (index + 0.5)).toFixed(1) + " " +
        scaleY(value, 10).toFixed(1)).join(" ");
      if (path) lines.append(svg("path", { class: "line " + cls, d: path }));
      for (const [index, value] of known) {
        lines.append(svg("circle", {
          class: cls, cx: PAD.left + slot * (index + 0.5), cy: scaleY(value, 10), r: 3.5,
        }));
      }
    }
    figure.append(chartSvg(title, [
      axes(10, [0, 2, 4, 6, 8, 10], points.map((point) => point.label)), lines,
    ]));
    return figure;
  }

  function weeksChart(weeks) {
    const title = t("stats.chart.title_weeks");
    const top = Math.max(1, ...weeks.map((week) => week.asks));
    const step = Math.max(1, Math.ceil(top / 4));
    const ticks = [];
    for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
    const described = weeks.map((week) => t("dashboard.anxiety.week", {
      date: week.label, asks: week.asks, noes: week.noes,
    }));
    const figure = chartFrame("weeks-chart", title,
      [["asks", "stats.chart.asks"], ["noes", "stats.chart.noes"]], described);
    figure.append(chartSvg(title, [
      axes(top, ticks, weeks.map((week) => week.label)),
      bars(weeks.map((week) => [week.asks, week.noes]), top, ["s-asks", "s-noes"]),
    ]));
    return figure;
  }

  // -- history: every ask, newest first, fixable in place --------------------------------------

  function history(panel) {
    panel.append(el("h2", { text: t("dashboard.history.title") }));
    if (!data.asks.length) {
      panel.append(el("p", { text: t("dashboard.history.empty") }));
      return;
    }
    const outcomes = Object.keys(OUTCOME_CODES).concat(["didnt_ask"]);
    // Asks told in the person's own words have no kind ("" from the API); their filter
    // option needs a value of its own ("" is "everything").
    const kindOf = (ask) => ask.category || OWN_WORDS;
    const categories = [...new Set(data.asks.map(kindOf))];
    panel.append(el("div", { class: "filters" }, [
      filterSelect("outcome", t("dashboard.history.filter_outcome"),
        outcomes.map((name) => [name, t("log.outcomes." + name)])),
      filterSelect("category", t("dashboard.history.filter_category"),
        categories.map((name) => [name, categoryLabel(name === OWN_WORDS ? "" : name)])),
    ]));
    const shown = data.asks.filter((ask) =>
      (!filters.outcome || ask.outcome === filters.outcome) &&
      (!filters.category || kindOf(ask) === filters.category));
    if (!shown.length) {
      panel.append(el("p", { text: t("dashboard.history.none_match") }));
      return;
    }
    panel.append(el("ul", { class: "asks" }, shown.map(askItem)));
  }

  function categoryLabel(name) {
    return name ? t("categories." + name) || name : t("dashboard.history.own_words");
  }

  function filterSelect(name, label, options) {
    const select = el("select", {
      id: "filter-" + name,
      onchange: (event) => {
        filters[name] = event.target.value;
        render();
        document.getElementById("filter-" + name).focus();
      },
    }, [el("option", { value: "", text: t("dashboard.history.everything") })].concat(
      options.map(([value, text]) =>
        el("option", { value: value, text: text, selected: filters[name] === value }))));
    return el("label", { for: "filter-" + name, text: label }, [select]);
  }

  function askItem(ask) {
    const item = el("li", { id: "ask-" + ask.id });
    item.append(el("h3", { text: ask.title || t("dashboard.history.own_words") }));
    const outcome = ask.outcome ? t("log.outcomes." + ask.outcome) : t("dashboard.history.blank");
    item.append(el("p", { class: "meta", text: ask.date + " · " + outcome }));
    const details = el("ul", { class: "plain meta" }, [
      el("li", { text: t("dashboard.history.predicted") + ": " +
        (ask.predicted_no_pct === null ? t("dashboard.history.blank") : ask.predicted_no_pct + "%") }),
      el("li", { text: t("stats.chart.before") + " → " + t("stats.chart.after") + ": " +
        score(ask.anxiety_before) + " → " + score(ask.anxiety_after) }),
    ]);
    item.append(details);
    if (ask.lesson) {
      item.append(el("p", { class: "lesson", text: t("dashboard.history.lesson") + ": " + ask.lesson }));
    }
    const fix = el("button", {
      type: "button", class: "link-button", "aria-expanded": "false",
      text: t("dashboard.history.fix"),
      onclick: () => {
        fix.hidden = true;
        item.append(fixForm(ask, () => { form.remove(); fix.hidden = false; fix.focus(); }));
        const form = item.querySelector("form");
        form.querySelector("select").focus();
      },
    });
    item.append(fix);
    return item;
  }

  function fixForm(ask, close) {
    const id = "fix-" + ask.id;
    const field = el("select", { id: id + "-field" }, FIELDS.map((name) =>
      el("option", { value: name, text: t("buttons.fix." + name) })));
    const slot = el("div");
    const error = el("p", { class: "error", role: "alert" });
    function valueInput() {
      const name = field.value;
      let input;
      if (name === "outcome") {
        input = el("select", { id: id + "-value" }, Object.entries(OUTCOME_CODES).map(([o, code]) =>
          el("option", { value: code, text: t("log.outcomes." + o), selected: ask.outcome === o })));
      } else if (name === "lesson") {
        input = el("textarea", { id: id + "-value", maxlength: "1000" });
        input.value = ask.lesson || "";
      } else {
        input = el("input", { id: id + "-value", type: "text", inputmode: "decimal", autocomplete: "off" });
        input.value = ask[name] === null ? "" : String(ask[name]);
      }
      slot.replaceChildren(el("label", { for: id + "-value", text: t("buttons.fix." + name) }), input);
    }
    field.addEventListener("change", valueInput);
    valueInput();
    const form = el("form", {
      class: "card",
      onsubmit: async (event) => {
        event.preventDefault();
        const value = form.querySelector("#" + id + "-value").value;
        const problem = await change("POST", "asks/" + ask.id, { field: field.value, value: value },
          () => t("dashboard.history.saved"));
        if (problem) error.textContent = problem;
      },
    }, [
      el("label", { for: id + "-field", text: t("dashboard.history.fix") }), field, slot, error,
      el("div", { class: "row" }, [
        el("button", { type: "submit", class: "button", text: t("dashboard.history.save") }),
        el("button", { type: "button", class: "link-button", text: t("dashboard.history.cancel"),
          onclick: close }),
      ]),
    ]);
    return form;
  }

  // -- ladder: levels, what was tried, set-aside and own ideas -------------------------------

  function ladder(panel) {
    const info = data.ladder;
    panel.append(el("div", { class: "card" }, [
      el("h2", { text: t("dashboard.ladder.title") }),
      el("ol", { class: "levels plain", id: "levels" }, info.levels.map((row) => el("li", {
        "aria-current": row.level === info.level ? "step" : null,
      }, [
        el("span", { text: t("dashboard.ladder.level", { level: row.level }) +
          (row.level === info.level ? " · " + t("dashboard.ladder.you_are_here") : "") }),
        el("span", { text: t("dashboard.ladder.tried", { count: row.tried }) }),
      ]))),
    ]));
    if (info.categories.length) {
      panel.append(el("div", { class: "card" }, [
        el("h2", { text: t("dashboard.ladder.by_category") }),
        el("ul", { class: "plain" }, info.categories.map((row) => el("li", {
          text: categoryLabel(row.category) + ": " + row.tried,
        }))),
      ]));
    }
    panel.append(hiddenIdeas(info.hidden));
    panel.append(personalIdeas(info.personal));
  }

  function hiddenIdeas(hidden) {
    const card = el("div", { class: "card", id: "hidden-ideas" },
      [el("h2", { text: t("dashboard.ladder.hidden_title") })]);
    if (!hidden.length) {
      card.append(el("p", { text: t("dashboard.ladder.hidden_none") }));
      return card;
    }
    card.append(el("ul", { class: "ideas" }, hidden.map((idea) => el("li", { id: "hidden-" + idea.id }, [
      el("p", { text: idea.text }),
      el("p", { class: "meta", text: t("dashboard.ladder.level", { level: idea.level }) + " · " +
        categoryLabel(idea.category === "personal" ? "personal" : idea.category) }),
      el("button", {
        type: "button", class: "link-button", text: t("dashboard.ladder.bring_back"),
        "aria-label": t("dashboard.ladder.bring_back") + ": " + idea.text,
        onclick: () => change("POST", "ideas/" + idea.id + "/bring-back", {},
          () => t("dashboard.ladder.brought_back")),
      }),
    ]))));
    return card;
  }

  function levelSelect(id, chosen) {
    return el("select", { id: id }, [1, 2, 3, 4, 5].map((level) =>
      el("option", { value: String(level), text: t("buttons.level." + level),
        selected: level === chosen })));
  }

  function ideaForm(prefix, idea, submitLabel, onSave) {
    const error = el("p", { class: "error", role: "alert" });
    const text = el("textarea", { id: prefix + "-text", maxlength: "300" });
    text.value = idea ? idea.text : "";
    const level = levelSelect(prefix + "-level", idea ? idea.level : data.ladder.level);
    const form = el("form", {
      onsubmit: async (event) => {
        event.preventDefault();
        const problem = await onSave({ text: text.value, level: Number(level.value) });
        if (problem) error.textContent = problem;
      },
    }, [
      el("label", { for: prefix + "-text", text: t("dashboard.ladder.new_idea") }), text,
      el("label", { for: prefix + "-level", text: t("dashboard.ladder.new_level") }), level,
      error,
      el("div", { class: "row" }, [el("button", { type: "submit", class: "button", text: submitLabel })]),
    ]);
    return form;
  }

  function personalIdeas(ideas) {
    const card = el("div", { class: "card", id: "personal-ideas" },
      [el("h2", { text: t("dashboard.ladder.personal_title") })]);
    if (!ideas.length) card.append(el("p", { text: t("dashboard.ladder.personal_none") }));
    card.append(el("ul", { class: "ideas" }, ideas.map((idea) => {
      const item = el("li", { id: "personal-" + idea.id }, [
        el("p", { text: idea.text }),
        el("p", { class: "meta", text: t("dashboard.ladder.level", { level: idea.level }) }),
      ]);
      const edit = el("button", {
        type: "button", class: "link-button", text: t("dashboard.ladder.edit"),
        "aria-label": t("dashboard.ladder.edit") + ": " + idea.text,
        onclick: () => {
          actions.hidden = true;
          item.append(ideaForm("edit-" + idea.id, idea, t("dashboard.ladder.edit"), (body) =>
            change("POST", "personal/" + idea.id, body, () => t("dashboard.ladder.saved"))));
          document.getElementById("edit-" + idea.id + "-text").focus();
        },
      });
      const remove = el("button", {
        type: "button", class: "link-button", text: t("dashboard.ladder.remove"),
        "aria-label": t("dashboard.ladder.remove") + ": " + idea.text,
        onclick: () => change("DELETE", "personal/" + idea.id, undefined,
          () => t("dashboard.ladder.removed")),
      });
      const actions = el("div", { class: "row" }, [edit, remove]);
      item.append(actions);
      return item;
    })));
    card.append(ideaForm("new-idea", null, t("dashboard.ladder.add"), (body) =>
      change("POST", "personal", body, () => t("dashboard.ladder.saved"))));
    return card;
  }

  // -- settings: the same settings as /settings ------------------------------------------------

  function settings(panel) {
    const s = data.settings;
    const field = (name, label, input) =>
      [el("label", { for: "setting-" + name, text: label }), input];
    const select = (name, options, chosen) => el("select", { id: "setting-" + name },
      options.map(([value, text]) => el("option", {
        value: String(value), text: text, selected: String(value) === String(chosen),
      })));
    const days = el("fieldset", { class: "days", id: "setting-days" }, [
      el("legend", { text: t("dashboard.settings.days") }),
    ].concat([0, 1, 2, 3, 4, 5, 6].map((day) => el("label", {}, [
      el("input", { type: "checkbox", value: String(day), checked: s.nudge_days.includes(day) }),
      document.createTextNode(t("weekdays." + day)),
    ]))));
    const pace = select("pace", ["daily", "three_a_week", "weekdays"].map((name) =>
      [name, t("buttons.pace." + name)]), s.pace);
    days.hidden = s.pace !== "three_a_week";
    pace.addEventListener("change", () => { days.hidden = pace.value !== "three_a_week"; });
    const error = el("p", { class: "error", role: "alert" });
    const form = el("form", { class: "card", id: "settings-form", onsubmit: (event) => {
      event.preventDefault();
      saveSettings(error);
    } }, [
      el("h2", { text: t("dashboard.settings.title") }),
      ...field("timezone", t("buttons.settings.timezone"),
        el("input", { id: "setting-timezone", type: "text", value: s.timezone, autocomplete: "off" })),
      ...field("nudge_time", t("buttons.settings.time"),
        el("input", { id: "setting-nudge_time", type: "time", value: s.nudge_time })),
      ...field("pace", t("buttons.settings.pace"), pace),
      days,
      ...field("level", t("buttons.settings.level"), levelSelect("setting-level", s.level)),
      ...field("recap_weekday", t("buttons.settings.recap"),
        select("recap_weekday", [0, 1, 2, 3, 4, 5, 6].map((d) => [d, t("weekdays." + d)]),
          s.recap_weekday)),
      ...field("weekly_cap", t("buttons.settings.cap"),
        select("weekly_cap", s.cap_choices.map((c) => [c, t("buttons.cap." + c)]), s.weekly_cap)),
      ...field("quiet_start", t("dashboard.settings.quiet_from"),
        el("input", { id: "setting-quiet_start", type: "time", value: s.quiet_start })),
      ...field("quiet_end", t("dashboard.settings.quiet_until"),
        el("input", { id: "setting-quiet_end", type: "time", value: s.quiet_end })),
      error,
      el("div", { class: "row" }, [
        el("button", { type: "submit", class: "button", text: t("dashboard.settings.save") }),
      ]),
    ]);
    panel.append(form);
  }

  async function saveSettings(error) {
    const value = (name) => document.getElementById("setting-" + name).value;
    const body = {
      timezone: value("timezone"),
      nudge_time: value("nudge_time"),
      pace: value("pace"),
      nudge_days: [...document.querySelectorAll("#setting-days input:checked")]
        .map((box) => Number(box.value)),
      level: Number(value("level")),
      recap_weekday: Number(value("recap_weekday")),
      weekly_cap: Number(value("weekly_cap")),
      quiet_start: value("quiet_start"),
      quiet_end: value("quiet_end"),
    };
    const problem = await change("POST", "settings", body, () => data.settings.next_nudge
      ? t("dashboard.settings.saved", { next: data.settings.next_nudge })
      : t("dashboard.settings.saved_no_nudge"));
    if (problem) {
      const shown = error.isConnected ? error : document.querySelector("#settings-form .error");
      if (shown) shown.textContent = problem;
    }
  }

  // -- start ------------------------------------------------------------------------------------

  async function start() {
    applyTheme();
    const status = document.getElementById("status");
    status.textContent = t("dashboard.loading");
    if (tg) {
      tg.ready();
      tg.expand();
      if (tg.BackButton) tg.BackButton.onClick(() => show("overview"));
      if (tg.MainButton) {
        tg.MainButton.onClick(() => {
          if (tab === "settings") saveSettings(document.querySelector("#settings-form .error"));
        });
      }
    }
    if (!initData) {
      status.textContent = t("dashboard.open_in_telegram");
      root.setAttribute("aria-busy", "false");
      return;
    }
    const result = await call("GET", "summary");
    if (!result.ok) {
      status.textContent = result.error;
      root.setAttribute("aria-busy", "false");
      return;
    }
    data = result.summary;
    render();
    // For bench.webapp: milliseconds from navigation to the dashboard on screen.
    performance.mark("coach:first-render");
  }

  start();
})();
